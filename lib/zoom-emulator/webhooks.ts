import { createHmac, randomUUID } from "node:crypto";
import { randomToken } from "./ids";
import {
  type EmulatorClient,
  type EmulatorUser,
  type UrlValidationResult,
  type WebhookDelivery,
} from "./types";

/** Zoom allows 3 s for a webhook answer. */
const WEBHOOK_TIMEOUT_MS = 3000;

/** x-zm-signature value: "v0=" + hex HMAC-SHA256(secret, "v0:{timestamp}:{rawBody}"). */
export function signZoomWebhook(
  secret: string,
  timestamp: number | string,
  rawBody: string,
): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

export function urlValidationAnswer(secret: string, plainToken: string): string {
  return createHmac("sha256", secret).update(plainToken).digest("hex");
}

interface Posted {
  status: number | null;
  text: string;
  error?: string;
}

/**
 * Delivers signed webhooks. Timestamps use the wall clock, not the emulator clock,
 * so receivers' replay windows keep working after tests advance time.
 */
export class Webhooks {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(private readonly fetchFn: typeof fetch) {}

  private async post(url: string, secret: string, body: object): Promise<Posted> {
    const raw = JSON.stringify(body);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await this.fetchFn(url, {
        method: "POST",
        body: raw,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: {
          "content-type": "application/json",
          "user-agent": "Zoom Marketplace/1.0a",
          "x-zm-request-id": randomUUID(),
          "x-zm-request-timestamp": String(timestamp),
          "x-zm-signature": signZoomWebhook(secret, timestamp, raw),
        },
      });
      return { status: res.status, text: await res.text() };
    } catch (err) {
      return { status: null, text: "", error: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Sends app_deauthorized; null when the client has no webhook URL. */
  sendDeauthorized(client: EmulatorClient, user: EmulatorUser): Promise<WebhookDelivery> | null {
    const url = client.webhookUrl;
    if (!url) return null;
    const now = Date.now();
    const body = {
      event: "app_deauthorized",
      event_ts: now,
      payload: {
        account_id: user.accountId,
        user_id: user.id,
        signature: randomToken(32),
        deauthorization_time: new Date(now).toISOString(),
        client_id: client.clientId,
      },
    };
    const delivery = this.post(url, client.webhookSecretToken ?? "", body).then((posted) =>
      this.record("app_deauthorized", client, url, posted),
    );
    this.inflight.add(delivery);
    void delivery.finally(() => this.inflight.delete(delivery));
    return delivery;
  }

  private record(
    event: string,
    client: EmulatorClient,
    url: string,
    posted: Posted,
  ): WebhookDelivery {
    const ok = posted.status !== null && posted.status >= 200 && posted.status < 300;
    const delivery: WebhookDelivery = {
      event,
      clientId: client.clientId,
      url,
      status: posted.status,
      ok,
      at: new Date().toISOString(),
    };
    if (posted.error) delivery.error = posted.error;
    this.deliveries.push(delivery);
    return delivery;
  }

  async validateUrl(client: EmulatorClient): Promise<UrlValidationResult> {
    if (!client.webhookUrl) return { ok: false, status: null, reason: "client has no webhookUrl" };
    const secret = client.webhookSecretToken ?? "";
    const plainToken = randomToken(16);
    const body = {
      event: "endpoint.url_validation",
      payload: { plainToken },
      event_ts: Date.now(),
    };
    const posted = await this.post(client.webhookUrl, secret, body);
    this.record("endpoint.url_validation", client, client.webhookUrl, posted);
    return checkValidationAnswer(posted, plainToken, urlValidationAnswer(secret, plainToken));
  }

  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }
}

function checkValidationAnswer(
  posted: Posted,
  plainToken: string,
  expected: string,
): UrlValidationResult {
  const { status } = posted;
  if (status === null) return { ok: false, status, reason: posted.error ?? "no response" };
  if (status !== 200 && status !== 204)
    return { ok: false, status, reason: `expected 200 or 204, got ${status}` };
  let answer: { plainToken?: unknown; encryptedToken?: unknown };
  try {
    answer = JSON.parse(posted.text) as typeof answer;
  } catch {
    return { ok: false, status, reason: "response body is not JSON" };
  }
  if (answer.plainToken !== plainToken)
    return { ok: false, status, reason: "plainToken does not match" };
  if (answer.encryptedToken !== expected)
    return { ok: false, status, reason: "encryptedToken does not match" };
  return { ok: true, status };
}
