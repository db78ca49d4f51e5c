import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Zoom documents no window; five minutes tolerates clock skew and refuses replays of old captures. */
const MAX_WEBHOOK_AGE_SECONDS = 300;

/**
 * Checks `x-zm-signature` = `v0=` + HMAC-SHA256(secret, `v0:{timestamp}:{raw body}`) in constant time,
 * and refuses stale timestamps. @link https://developers.zoom.us/docs/api/webhooks/
 */
export function verifyZoomSignature(
  secret: string,
  headers: { signature: string | null; timestamp: string | null },
  rawBody: string,
  nowSeconds = Date.now() / 1000,
): "ok" | "missing" | "stale" | "bad_signature" {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return "missing";
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_WEBHOOK_AGE_SECONDS) return "stale";
  const expected = Buffer.from(`v0=${hmacHex(secret, `v0:${timestamp}:${rawBody}`)}`);
  const given = Buffer.from(signature);
  // The expected length is public (v0= and 64 hex digits), so checking it first leaks nothing.
  const isValid = given.length === expected.length && timingSafeEqual(given, expected);
  return isValid ? "ok" : "bad_signature";
}

export const webhookEventSchema = z.discriminatedUnion("event", [
  z.object({
    event: z.literal("endpoint.url_validation"),
    payload: z.object({ plainToken: z.string().min(1).max(256) }),
  }),
  z.object({
    event: z.literal("app_deauthorized"),
    payload: z.object({
      user_id: z.string().min(1),
      account_id: z.string().optional(),
      client_id: z.string().optional(),
      deauthorization_time: z.iso.datetime({ offset: true }),
    }),
  }),
]);

/** The events the schema above handles; others are acknowledged and ignored. */
export const HANDLED_WEBHOOK_EVENTS: ReadonlySet<string> = new Set(
  webhookEventSchema.options.map((o) => o.shape.event.value),
);

export function urlValidationAnswer(secret: string, plainToken: string) {
  return { plainToken, encryptedToken: hmacHex(secret, plainToken) };
}

function hmacHex(secret: string, message: string): string {
  return createHmac("sha256", secret).update(message, "utf8").digest("hex");
}
