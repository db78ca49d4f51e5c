// The Zoom tokens a bot can fetch, and the Zoom scopes each needs. Shared by the routes, the URL
// secrets (which kinds a secret may fetch), the dashboard (client code: no server imports here).

export const TOKEN_KINDS = ["zak", "obf", "join_token", "access_token"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Secrets made before kinds existed, and new ones unless the customer picks more, serve ZAKs only. */
export const DEFAULT_KINDS: readonly TokenKind[] = ["zak"];

export const KIND_LABELS: Record<TokenKind, string> = {
  zak: "ZAK",
  obf: "OBF token",
  join_token: "Local-recording join token",
  access_token: "Zoom access token",
};

/**
 * Zoom scopes that let the connection mint each kind; any one of a list is enough (granular scopes
 * first, then the classic ones of apps created before granular scopes). zoom-facts §2.
 */
export const KIND_SCOPES: Record<TokenKind, readonly string[]> = {
  zak: ["user:read:token", "user:read", "user:write", "user_profile"],
  obf: ["user:read:token", "user:read", "user:write", "user_profile"],
  join_token: ["meeting:read:local_recording_token", "meeting_token:read:local_recording"],
  access_token: [],
};

/** The scope a connection must add to serve `kind`, or null when its granted scopes suffice. */
export function missingScope(kind: TokenKind, grantedScopes: string): string | null {
  const needed = KIND_SCOPES[kind];
  if (needed.length === 0) return null;
  const granted = new Set(grantedScopes.split(/[\s,]+/).filter(Boolean));
  return needed.some((scope) => granted.has(scope)) ? null : needed[0]!;
}

/** The bot-facing route of each kind: `${APP_URL}${KIND_PATHS[kind]}/{tenant}?token=…`. */
export const KIND_PATHS: Record<TokenKind, string> = {
  zak: "/api/zak",
  obf: "/api/obf",
  join_token: "/api/join-token",
  access_token: "/api/access-token",
};
