// Requests exactly as written (raw paths, any method, header and body) over node:http, for the
// hostile-input specs: Playwright's and fetch's clients normalise URLs and refuse odd methods.
import http from "node:http";

export interface RawRequest {
  method: string;
  /** Path and query, sent as is (already percent-encoded, or deliberately malformed). */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** An answer's status, or why there was none (a dropped connection, a timeout). */
export type RawOutcome = { status: number; headers: http.IncomingHttpHeaders } | { error: string };

/** Sends one request and reads the whole answer. */
export function sendRaw(
  appUrl: string,
  req: RawRequest,
  agent?: http.Agent,
  timeoutMs = 30_000,
): Promise<RawOutcome> {
  const { hostname, port } = new URL(appUrl);
  // node:http frames a body without a declared length only for POST, PUT and PATCH (chunked); for
  // other methods its bytes would follow the request unframed, so the length is always declared.
  const headers =
    req.body === undefined
      ? req.headers
      : { ...req.headers, "content-length": String(Buffer.byteLength(req.body)) };
  return new Promise((resolve) => {
    const outgoing = http.request(
      { host: hostname, port, method: req.method, path: req.path, headers, agent },
      (res) => {
        res.on("error", (err) => resolve({ error: err.message }));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        res.resume();
      },
    );
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error("timeout")));
    outgoing.on("error", (err) => resolve({ error: err.message }));
    outgoing.end(req.body);
  });
}
