import http from "node:http";
import { PEER_ADDRESS_HEADER } from "./peer-address";

const installed = globalThis as unknown as { __peerAddressStamped?: boolean };

/**
 * Writes each request's socket peer address into PEER_ADDRESS_HEADER before Next sees it, for
 * `next start` and the standalone server alike (both serve through node:http). A client-sent value
 * of that header is overwritten, so it cannot be forged.
 */
export function stampPeerAddresses(): void {
  if (installed.__peerAddressStamped) return;
  installed.__peerAddressStamped = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the server as `this`
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
