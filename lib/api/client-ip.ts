/**
 * The client address for the audit log and the failure limiter. Next sets x-forwarded-for to the
 * peer address when a request has none; a proxy in front appends the address it saw, so the last
 * entry is the one the nearest trusted hop vouches for. Without a proxy the header is client-supplied.
 */
export function clientIp(req: Request): string | null {
  const forwarded = req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const ip = forwarded || req.headers.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 64) : null;
}
