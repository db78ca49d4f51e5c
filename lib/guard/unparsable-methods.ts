import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { ALLOWED_METHODS, methodNotAllowed, type Refusal } from "./hostile-request";

// The method the Fetch API refuses to build a Request for that Node's parser lets through: Next
// throws on it before the proxy runs (a 500).
const FORBIDDEN_BY_FETCH = new Set(["TRACE"]);

/** 405 for TRACE, to be answered at the HTTP server: Next cannot build a request for it. */
export function refuseUnparsableMethod(method: string | undefined): Refusal | null {
  return method && FORBIDDEN_BY_FETCH.has(method) ? methodNotAllowed(method) : null;
}

/**
 * 405 for CONNECT, written on the socket: Node hands CONNECT to the server's "connect" listeners,
 * never to Next, and drops the connection when there is none.
 */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  const body = methodNotAllowed("CONNECT").message;
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nallow: ${ALLOWED_METHODS.join(", ")}\r\n` +
      `content-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}
