import { getConfig } from "@/lib/config";
import { clientAddress } from "@/lib/http/peer-address";

/**
 * The client address for the audit log and the limiters: the socket's peer, or with
 * TRUSTED_PROXY_HOPS the address the outermost trusted proxy saw (lib/http/peer-address.ts).
 */
export function clientIpOf(headers: Headers): string | null {
  return clientAddress(headers, getConfig().trustedProxyHops);
}

export function clientIp(req: Request): string | null {
  return clientIpOf(req.headers);
}
