import http from "node:http";
import type { Duplex } from "node:stream";
import { refuseDeclaredBody } from "@/lib/guard/hostile-request";
import { refuseOnSocket } from "@/lib/guard/server-refusal";
import { capStreamedBody } from "@/lib/guard/streamed-body-cap";
import { refuseUnparsableMethod } from "@/lib/guard/unparsable-methods";
import { PEER_ADDRESS_HEADER } from "./peer-address";

const installed = globalThis as { __brokerRequestGuards?: boolean };

/**
 * What each request meets at the HTTP server, before Next sees it, for `next start` and the
 * standalone server alike (both serve through node:http, and Next owns the server, so this wraps
 * `http.Server#emit` for the process, once, from instrumentation's register):
 *
 * - its socket's peer address is written into PEER_ADDRESS_HEADER, overwriting a client-sent value,
 *   since route handlers cannot see the socket;
 * - TRACE and CONNECT get 405 (Next cannot build a request for them), and a declared body past
 *   MAX_BODY_BYTES 413, answered here with the body left unread and the connection closed;
 * - a body without a declared length is read no further than MAX_BODY_BYTES.
 *
 * Every other event goes on unchanged. `appUrl` gives the answers' security headers.
 */
export function installRequestGuards(appUrl: () => string): void {
  if (installed.__brokerRequestGuards) return;
  installed.__brokerRequestGuards = true;
  const refuseConnect = (req: http.IncomingMessage, socket: Duplex) =>
    refuseOnSocket(req, socket, refuseUnparsableMethod("CONNECT")!, appUrl());
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied below with the server as `this`
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
      const refusal =
        refuseUnparsableMethod(req.method) ?? refuseDeclaredBody(req.headers["content-length"]);
      if (refusal) {
        refuseOnSocket(req, req.socket, refusal, appUrl());
        return true;
      }
      capStreamedBody(req, res);
    }
    // Node calls "connect" listeners only when there is one, so the server gets one at its first
    // connection.
    if (event === "connection" && this.listenerCount("connect") === 0)
      this.on("connect", refuseConnect);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
