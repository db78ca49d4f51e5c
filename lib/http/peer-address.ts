import { isIP, isIPv6 } from "node:net";

/**
 * Internal header carrying the socket's peer address to route handlers, which cannot see the
 * socket. Set by the HTTP server hook (request-guards.ts) on every request, overwriting whatever a client sent in it.
 */
export const PEER_ADDRESS_HEADER = "x-zak-broker-peer-address";

/** A bare IP address: brackets, ports and the IPv4-mapped IPv6 prefix removed; null if it is none. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let value = raw?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * The client's address. With no trusted proxy (hops 0), the socket's peer address: a client-sent
 * X-Forwarded-For is ignored, so a client cannot pick its own limiter key. With `hops` proxies in
 * front, each appending the address it saw, the `hops`-th X-Forwarded-For entry from the right
 * (the leftmost when there are fewer entries).
 */
export function clientAddress(headers: Headers, hops: number): string | null {
  if (hops === 0) return normalizeAddress(headers.get(PEER_ADDRESS_HEADER));
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").filter((e) => e.trim());
  return normalizeAddress(entries[Math.max(0, entries.length - hops)]);
}

/**
 * The group of addresses one client may rotate through freely: an IPv4 address itself, an IPv6
 * address's /64 (the smallest prefix a site is normally given).
 */
export function addressGroup(address: string): string {
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, in lowercase hex without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const part = (s: string) => (s ? s.split(":") : []);
  // An embedded IPv4 tail (::1.2.3.4) only matters past the /64, so it counts as two groups.
  const groups = (s: string) => part(s).flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => "0");
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}
