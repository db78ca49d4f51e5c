// Zoom mints ZAKs for 7200 s unless a ttl is given. @link https://developers.zoom.us/docs/meeting-sdk/auth/zak/
const DEFAULT_ZAK_LIFETIME_MS = 7200 * 1000;

/** When a ZAK expires: its JWT `exp` when it carries one, else Zoom's documented default. */
export function tokenExpiry(token: string, issuedAt = Date.now()): string {
  const payload = token.split(".")[1];
  try {
    const exp = (
      JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8")) as { exp?: unknown }
    ).exp;
    if (typeof exp === "number" && Number.isFinite(exp)) return new Date(exp * 1000).toISOString();
  } catch {
    // not a JWT: fall back to the documented lifetime
  }
  return new Date(issuedAt + DEFAULT_ZAK_LIFETIME_MS).toISOString();
}
