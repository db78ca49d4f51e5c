import http from "node:http";
import type { Duplex } from "node:stream";
import { ALLOWED_METHODS } from "./hostile-request";

// The method the Fetch API refuses to build a Request for that Node's parser lets through: Next
// throws on it before the proxy runs (a 500). Node drops a CONNECT's connection when nothing
// listens for it.
const FORBIDDEN_BY_FETCH = new Set(["TRACE"]);

const REFUSAL = (method: string) => `Method ${method} is not allowed`;

/**
 * Answers TRACE and CONNECT with 405 at the HTTP server, before Next sees them. `next start`
 * owns the server, so this wraps `http.Server#emit` for the process (once, from instrumentation's
 * register): only those requests are taken; every other event goes on unchanged.
 */
export function refuseMethodsNextCannotHandle(): void {
  const holder = globalThis as { __brokerMethodGuard?: boolean };
  if (holder.__brokerMethodGuard) return;
  holder.__brokerMethodGuard = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- applied below with the server as `this`
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (FORBIDDEN_BY_FETCH.has(req.method ?? "")) {
        // Any body is read and dropped; the connection closes after the answer, so a client cannot
        // smuggle a second request behind it.
        req.resume();
        res.writeHead(405, {
          connection: "close",
          allow: ALLOWED_METHODS.join(", "),
          "content-type": "text/plain; charset=utf-8",
        });
        res.end(REFUSAL(req.method!));
        return true;
      }
    }
    // Node calls "connect" listeners only when there is one, so the server gets one at its first
    // connection.
    if (event === "connection" && this.listenerCount("connect") === 0)
      this.on("connect", refuseConnect);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

function refuseConnect(_req: http.IncomingMessage, socket: Duplex): void {
  const body = REFUSAL("CONNECT");
  socket.end(
    `HTTP/1.1 405 Method Not Allowed\r\nallow: ${ALLOWED_METHODS.join(", ")}\r\n` +
      `content-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\n` +
      `connection: close\r\n\r\n${body}`,
  );
}
