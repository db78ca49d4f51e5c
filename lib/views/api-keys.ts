import type { ApiKeyRow } from "@/db/queries/api-keys";

/** An API key as its creator sees it listed: name and prefix, never the key. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  /** Slugs of the tenants the key is limited to (those still existing), or null for all. */
  tenants: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
}

/** `GET /api/api-keys`: the signed-in user's live keys, newest first. */
export interface ApiKeyListView {
  keys: ApiKeyView[];
}

/** `POST /api/api-keys`: the only time the key itself is shown. */
export interface CreatedApiKeyView extends ApiKeyView {
  key: string;
}

/** `slugOf` names the user's tenants by id; a limit naming only deleted tenants stays an empty list. */
export function presentApiKey(row: ApiKeyRow, slugOf: Map<string, string>): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    tenants: row.tenantIds?.flatMap((id) => slugOf.get(id) ?? []) ?? null,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export function presentApiKeyList(rows: ApiKeyRow[], slugOf: Map<string, string>): ApiKeyListView {
  return { keys: rows.map((row) => presentApiKey(row, slugOf)) };
}
