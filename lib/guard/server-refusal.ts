import type { IncomingMessage, ServerResponse } from "node:http";
import type { Refusal } from "./hostile-request";
import { refusalAnswer } from "./refusal-response";
import { API_CONTENT_SECURITY_POLICY, baseSecurityHeaders } from "./security-headers";

/**
 * Answers a refusal at the HTTP server, before Next sees the request, in the form the proxy's
 * refusals have, and closes the connection after it. Nothing reads the body: Node drops the
 * connection once the answer is sent instead of draining the rest, and a client cannot smuggle a
 * second request behind it.
 */
export function refuseAtServer(
  req: IncomingMessage,
  res: ServerResponse,
  refusal: Refusal,
  appUrl: string,
): void {
  const { status, headers, body } = refusalAnswer(pathnameOf(req.url), refusal);
  res.writeHead(status, {
    ...headers,
    ...baseSecurityHeaders(appUrl),
    "content-security-policy": API_CONTENT_SECURITY_POLICY,
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  res.end(body);
}

function pathnameOf(rawUrl: string | undefined): string {
  try {
    return new URL(rawUrl ?? "/", "http://x").pathname;
  } catch {
    return "/";
  }
}
