import http from "node:http";
import https from "node:https";
import { guardedLookup, type DestinationPolicy } from "./destination";

/** How long an endpoint has to answer one delivery. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs a JSON body and resolves with the answer's status, which may be any (redirects are not
 * followed: a 3xx is an answer like another). The connection only goes to addresses the policy
 * allows, checked after DNS resolution. Rejects on a network error or after the timeout.
 */
export function postJson(
  url: URL,
  headers: Record<string, string>,
  body: string,
  policy: DestinationPolicy,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<number> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "zak-broker-webhooks",
        },
        lookup: guardedLookup(policy),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        // The answer's body is not used: drain it so the socket is freed.
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("error", (err) =>
      reject(err.name === "AbortError" ? new Error(`no answer within ${timeoutMs / 1000} s`) : err),
    );
    req.end(body);
  });
}
