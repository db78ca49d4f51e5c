import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { botPlatformSecrets, idempotentRequests, webhookEndpoints, zoomGrants } from "./schema";

/** A table with columns sealed by lib/crypto/aead, each bound to its row id and a column label. */
export interface SealedTable {
  table: PgTable;
  name: string;
  id: PgColumn;
  columns: readonly { key: string; column: PgColumn; label: string }[];
  /** What one row and several rows are called in messages. */
  noun: readonly [string, string];
}

/**
 * `labels` maps each sealed column (by its schema key) to the label its associated data names:
 * `<table>:<row id>:<label>`, the context lib/crypto/aead authenticates.
 */
function sealedTable<T extends PgTable & { id: PgColumn }>(
  table: T,
  labels: Partial<Record<keyof T["$inferSelect"] & string, string>>,
  noun: readonly [string, string],
): SealedTable {
  const all: Record<string, PgColumn> = getTableColumns(table);
  const columns = Object.entries(labels).map(([key, label]) => ({
    key,
    column: all[key]!,
    label: label as string,
  }));
  return { table, name: getTableName(table), id: table.id, columns, noun };
}

/**
 * Every sealed column of the schema. `npm run vault:rotate` rewrites them with the encrypting key and
 * /api/health counts the rows no configured key can open; a new encrypted table is one entry here.
 */
export const SEALED_TABLES: readonly SealedTable[] = [
  sealedTable(zoomGrants, { accessTokenEnc: "access_token", refreshTokenEnc: "refresh_token" }, [
    "grant",
    "grants",
  ]),
  sealedTable(botPlatformSecrets, { secretEnc: "secret_enc" }, [
    "bot platform secret",
    "bot platform secrets",
  ]),
  sealedTable(webhookEndpoints, { secretEnc: "secret_enc" }, [
    "webhook endpoint secret",
    "webhook endpoint secrets",
  ]),
  sealedTable(idempotentRequests, { responseEnc: "response" }, [
    "stored API answer",
    "stored API answers",
  ]),
];

/** The associated data of a sealed value: where it lives, so a value copied elsewhere fails to open. */
export function sealedContext(table: string, rowId: string, label: string): string {
  return `${table}:${rowId}:${label}`;
}
