import type { UrlSecretRow } from "@/db/queries/url-secrets";
import { KIND_PATHS, TOKEN_KINDS, type TokenKind } from "@/lib/zak/kinds";

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

/** `POST /api/tenants/:slug/secrets`: the only time the full URLs exist outside the bots' config. */
export interface CreatedUrlSecretView extends UrlSecretView {
  /** The ZAK route's URL with this secret (whether or not the secret may fetch ZAKs). */
  zakUrl: string;
  /** The exact URL to paste per kind the secret allows. */
  urls: Partial<Record<TokenKind, string>>;
  /** Attendee's zoom_tokens_url, when the secret allows a kind Attendee asks for. */
  attendeeUrl: string | null;
}

// Attendee reads zak_token, onbehalf_token and join_token (zoom-facts §10).
const ATTENDEE_KINDS: readonly TokenKind[] = ["zak", "obf", "join_token"];

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

/** The secret's URLs under `appUrl`; the secret appears in them and nowhere else. */
export function presentCreatedUrlSecret(
  row: UrlSecretRow,
  link: { appUrl: string; slug: string; secret: string },
): CreatedUrlSecretView {
  const view = presentUrlSecret(row);
  const url = (path: string) => `${link.appUrl}${path}/${link.slug}?token=${link.secret}`;
  return {
    ...view,
    zakUrl: url(KIND_PATHS.zak),
    urls: Object.fromEntries(view.kinds.map((kind) => [kind, url(KIND_PATHS[kind])])),
    attendeeUrl: view.kinds.some((kind) => ATTENDEE_KINDS.includes(kind))
      ? url("/api/attendee")
      : null,
  };
}
