import type { UrlSecretRow } from "@/db/queries/url-secrets";
import { TOKEN_KINDS, type TokenKind } from "@/lib/zak/kinds";

/** A ZAK URL as listed: label and prefix, never the secret. */
export interface UrlSecretView {
  id: string;
  label: string;
  prefix: string;
  /** The token kinds this URL's secret may fetch. */
  kinds: TokenKind[];
  createdAt: string;
  lastUsedAt: string | null;
}

/** `GET /api/tenants/:slug/secrets`: the tenant's active ZAK URLs. */
export interface UrlSecretListView {
  secrets: UrlSecretView[];
}

/** `POST /api/tenants/:slug/secrets`: the only time the full ZAK URL exists outside the bot's config. */
export interface CreatedUrlSecretView extends UrlSecretView {
  zakUrl: string;
  /** The exact URL to paste for each kind the secret allows. */
  urls: Partial<Record<TokenKind, string>>;
  /** Attendee's `zoom_tokens_url`, when the secret allows a kind Attendee asks for. */
  attendeeUrl: string | null;
}

export function presentUrlSecret(row: UrlSecretRow): UrlSecretView {
  return {
    id: row.id,
    label: row.label,
    prefix: row.prefix,
    kinds: TOKEN_KINDS.filter((kind) => row.kinds.includes(kind)),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export function presentUrlSecretList(rows: UrlSecretRow[]): UrlSecretListView {
  return { secrets: rows.map(presentUrlSecret) };
}

export function presentCreatedUrlSecret(row: UrlSecretRow, zakUrl: string): CreatedUrlSecretView {
  return { ...presentUrlSecret(row), zakUrl, urls: { zak: zakUrl }, attendeeUrl: null };
}
