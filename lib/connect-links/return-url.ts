// A tenant's allow-list of return URLs for its connect links, and the match a link's return URL must
// pass: the same origin, and a path under the entry's path. Pure: shared by the API and the dashboard.

export const MAX_RETURN_URL_ENTRIES = 20;
export const MAX_RETURN_URL_LENGTH = 2048;

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** https anywhere; plain http only on this machine (local development). */
function secureEnough(url: URL): boolean {
  return (
    url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))
  );
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * An allow-list entry in its stored form (`origin` + path prefix), or why it is refused: absolute,
 * https (http only for loopback), no credentials, query or fragment.
 */
export function normalizeReturnUrlEntry(value: string): { entry: string } | { error: string } {
  const url = parse(value.trim());
  if (!url) return { error: "must be an absolute URL" };
  if (!secureEnough(url)) return { error: "must use https (http only for localhost)" };
  if (url.username || url.password) return { error: "must not contain credentials" };
  if (url.search || url.hash || value.includes("?") || value.includes("#"))
    return { error: "must not contain a query or fragment" };
  return { entry: url.origin + url.pathname };
}

/** A path is under a prefix at a segment boundary: `/app` allows `/app` and `/app/x`, not `/apple`. */
function underPath(path: string, prefix: string): boolean {
  if (prefix.endsWith("/")) return path.startsWith(prefix);
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Whether a link's return URL is allowed by the tenant's entries: the URL parsed (so `..` segments
 * are resolved first), the same origin, and a path under the entry's. Queries are the customer's own.
 */
export function isAllowedReturnUrl(returnUrl: string, entries: readonly string[]): boolean {
  const url = parse(returnUrl);
  if (!url || !secureEnough(url) || url.username || url.password) return false;
  return entries.some((entry) => {
    const allowed = parse(entry);
    return (
      allowed !== null && allowed.origin === url.origin && underPath(url.pathname, allowed.pathname)
    );
  });
}

/** Where the end user lands on the customer's site: the return URL with the outcome appended. */
export function returnUrlWithOutcome(
  returnUrl: string,
  outcome: { linkId: string; error: string | null },
): URL {
  const url = new URL(returnUrl);
  url.searchParams.set("status", outcome.error ? "error" : "connected");
  if (outcome.error) url.searchParams.set("error", outcome.error);
  url.searchParams.set("connect_link_id", outcome.linkId);
  return url;
}
