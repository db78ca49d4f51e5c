import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { closeLingering } from "@/lib/http/lingering-close";
import type { Refusal } from "./hostile-request";
import { refusalAnswer } from "./refusal-response";
import { API_CONTENT_SECURITY_POLICY, baseSecurityHeaders } from "./security-headers";

/**
 * Answers a refusal at the HTTP server, before Next sees the request, in the form the proxy's
 * refusals have: written on the socket itself, which then closes without reading any more of the
 * request (closeLingering). Nothing reads a body, and a client cannot smuggle a second request
 * behind it.
 */
export function refuseOnSocket(
  req: IncomingMessage,
  socket: Duplex,
  refusal: Refusal,
  appUrl: string,
): void {
  const { status, headers, body } = refusalAnswer(pathnameOf(req.url), refusal);
  const lines = Object.entries({
    ...headers,
    ...baseSecurityHeaders(appUrl),
    "content-security-policy": API_CONTENT_SECURITY_POLICY,
    "content-length": String(Buffer.byteLength(body)),
    connection: "close",
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n${lines.join("")}\r\n${body}`);
  closeLingering(socket);
}

function pathnameOf(rawUrl: string | undefined): string {
  try {
    return new URL(rawUrl ?? "/", "http://x").pathname;
  } catch {
    return "/";
  }
}
