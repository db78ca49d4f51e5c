const CALLBACK_URL_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/**
 * Requests next-auth v4 answers with a 500 of its own, refused here with a 4xx instead: a GET to a
 * sign-in callback (only OAuth providers have one; ours is credentials, POST only), and a
 * `callbackUrl` (query or cookie) that is neither a path nor an http(s) URL. Also its `_log`
 * route (404), which writes whatever a browser posts to the server's logger once one is configured
 * (next-auth-logger.ts): nothing of the dashboard posts there, and no client writes our logs.
 */
export function refuseWhatNextAuthCannotAnswer(req: Request): Response | null {
  const url = new URL(req.url);
  if (url.pathname === "/api/auth/_log" || url.pathname.startsWith("/api/auth/_log/")) {
    return Response.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  }
  if (req.method !== "POST" && url.pathname.startsWith("/api/auth/callback/")) {
    return Response.json(
      { error: { code: "method_not_allowed", message: "The sign-in callback takes a POST" } },
      { status: 405, headers: { allow: "POST" } },
    );
  }
  const fromCookies = (req.headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim().split("="))
    .filter(([name]) => CALLBACK_URL_COOKIES.includes(name ?? ""))
    .map(([, value]) => safeDecode(value ?? ""));
  // Every value: a repeated parameter reaches next-auth as its last value, not its first.
  const candidates = [...url.searchParams.getAll("callbackUrl"), ...fromCookies];
  if (candidates.some((value) => value && !isHttpUrlOrPath(value, url.origin))) {
    return Response.json(
      { error: { code: "bad_request", message: "callbackUrl must be a path or an http(s) URL" } },
      { status: 400 },
    );
  }
  return null;
}

// next-auth's own test: a path against the app's origin, anything else as an absolute URL.
function isHttpUrlOrPath(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

// As next-auth's cookie parser: the raw value when it does not decode.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
