import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

/** Where webhooks may go: https and public addresses, unless private ones are allowed (development). */
export interface DestinationPolicy {
  allowPrivateUrls: boolean;
}

export class BlockedDestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BlockedDestinationError";
  }
}

// Addresses a webhook must never reach: this host, the local network, link-local (cloud metadata
// services live at 169.254.169.254), unique-local, and ranges that are not unicast on the Internet.
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are checked against the IPv4 rules by BlockList.
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast, then reserved and broadcast
  ["240.0.0.0", 4],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64: would reach any IPv4 address, private ones included
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");

/** True for an IP address a webhook may be sent to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;

export const systemLookup: Lookup = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

const stripBrackets = (host: string) => host.replace(/^\[(.*)\]$/, "$1");

/**
 * Checks an endpoint URL before it is stored and before each delivery: https (http only where private
 * addresses are allowed), no credentials, and a host that resolves to public addresses only (every
 * address it resolves to, so a name with one private record is refused). Throws
 * BlockedDestinationError with a one-line reason.
 */
export async function checkDestination(
  url: URL,
  policy: DestinationPolicy,
  lookup: Lookup = systemLookup,
): Promise<void> {
  const allowedProtocols = policy.allowPrivateUrls ? ["https:", "http:"] : ["https:"];
  if (!allowedProtocols.includes(url.protocol))
    throw new BlockedDestinationError("The URL must use https");
  if (url.username || url.password)
    throw new BlockedDestinationError("The URL may not contain a user name or password");
  if (policy.allowPrivateUrls) return;
  const host = stripBrackets(url.hostname);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host)).map((a) => a.address);
    } catch {
      throw new BlockedDestinationError(`The host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress))
    throw new BlockedDestinationError(
      `The host ${host} resolves to a private, loopback or link-local address`,
    );
}

/**
 * A `lookup` for node:http(s) that refuses private addresses at connection time, so a name that
 * changed its DNS answer since it was checked (DNS rebinding) still cannot reach them.
 */
export function guardedLookup(policy: DestinationPolicy) {
  return (
    hostname: string,
    options: { all?: boolean },
    callback: (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const usable = policy.allowPrivateUrls
        ? addresses
        : addresses.filter((a) => isPublicAddress(a.address));
      if (usable.length !== addresses.length || usable.length === 0)
        return callback(
          new BlockedDestinationError(`The host ${hostname} resolves to a private address`),
          [],
        );
      if (options.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}
