// A local Standard Webhooks receiver for the specs that register webhook endpoints: it verifies each
// request's signature with `standardwebhooks` and keeps what it got.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Hit {
  /** The webhook-id header: the event's id, the same on every delivery of it. */
  id: string;
  type: string;
  body: Record<string, unknown>;
  /** Whether the signature verified with the secret set (setSecret) when it arrived. */
  verified: boolean;
  /** What the receiver answered. */
  status: number;
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/**
 * Listens on 127.0.0.1 (the app must allow private URLs: WEBHOOK_ALLOW_PRIVATE_URLS=1). Answers 200,
 * or 500 to the first `failures[type]` hits of each message.
 */
export async function startWebhookReceiver() {
  const hits: Hit[] = [];
  const failures = new Map<string, number>();
  let secret = "";
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const headers = {
        "webhook-id": String(req.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
      };
      let verified = true;
      try {
        new Webhook(secret).verify(raw, headers);
      } catch {
        verified = false;
      }
      const body = JSON.parse(raw) as { type: string } & Record<string, unknown>;
      const earlier = hits.filter((h) => h.id === headers["webhook-id"]).length;
      const status = earlier < (failures.get(body.type) ?? 0) ? 500 : 200;
      hits.push({ id: headers["webhook-id"], type: body.type, body, verified, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hits,
    failures,
    setSecret: (value: string) => (secret = value),
    of: (type: string) => hits.filter((h) => h.type === type),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
