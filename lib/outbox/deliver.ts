import type { Db } from "@/db/client";
import {
  claimDueDeliveries,
  findDeliveryWork,
  recordAttempt,
  type AttemptOutcome,
  type DeliveryWork,
} from "@/db/queries/outbox";
import type { AppConfig } from "@/lib/config";
import type { Keyring } from "@/lib/crypto/keyring";
import { breakEmail } from "@/lib/email/break-email";
import { sendEmail } from "@/lib/email/mailer";
import { webhookBody } from "@/lib/events/payload";
import { getLogger } from "@/lib/log/logger";
import { leaseOwner } from "@/lib/vault/lease";
import { checkDestination } from "@/lib/webhooks/destination";
import { postJson, WEBHOOK_TIMEOUT_MS } from "@/lib/webhooks/post";
import { openEndpointSecret, signedHeaders } from "@/lib/webhooks/signing";
import { nextRetryAt } from "./backoff";

/** What delivering needs: the database, the keys that open endpoint secrets, and the configuration. */
export interface OutboxContext {
  db: Db;
  keyring: Keyring;
  config: Pick<AppConfig, "appUrl" | "email" | "webhooks">;
}

export interface DeliveryReport {
  delivered: number;
  /** Attempts that failed and are scheduled again. */
  retrying: number;
  /** Deliveries given up after retrying for 24 hours. */
  failed: number;
  /** False when the time budget ran out while deliveries were still due. */
  complete: boolean;
}

const BATCH = 10;
/** Longer than one attempt can take (the webhook timeout, or the SMTP timeouts), with room to record it. */
const LEASE_SECONDS = Math.ceil((2 * WEBHOOK_TIMEOUT_MS) / 1000) + 30;
const MAX_ERROR_LENGTH = 200;

/**
 * Sends the deliveries that are due, a batch at a time, until none is left or `until` passes. Each is
 * leased first, so instances running this at once (worker loops, cron calls) never send the same one.
 */
export async function deliverDue(ctx: OutboxContext, until = Infinity): Promise<DeliveryReport> {
  const report = { delivered: 0, retrying: 0, failed: 0 };
  const owner = leaseOwner();
  for (;;) {
    if (Date.now() >= until) return { ...report, complete: false };
    const ids = await claimDueDeliveries(ctx.db, owner, LEASE_SECONDS, BATCH);
    if (ids.length === 0) return { ...report, complete: true };
    for (const result of await Promise.all(ids.map((id) => deliverOne(ctx, id, owner))))
      if (result) report[result]++;
  }
}

async function deliverOne(ctx: OutboxContext, id: string, owner: string) {
  const work = await findDeliveryWork(ctx.db, id);
  if (!work) return null; // its endpoint or tenant was deleted meanwhile
  let outcome: AttemptOutcome;
  try {
    const statusCode = await send(ctx, work);
    outcome =
      statusCode === null || (statusCode >= 200 && statusCode < 300)
        ? { delivered: true, statusCode }
        : retryOrGiveUp(ctx, work, statusCode, `The endpoint answered ${statusCode}`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    outcome = retryOrGiveUp(ctx, work, null, message.slice(0, MAX_ERROR_LENGTH));
  }
  await recordAttempt(ctx.db, id, owner, outcome);
  if (outcome.delivered) return "delivered" as const;
  if (outcome.retryAt) return "retrying" as const;
  getLogger().warn(
    {
      deliveryId: id,
      eventId: work.event.id,
      channel: work.delivery.channel,
      error: outcome.error,
    },
    "delivery given up after 24 hours of retries",
  );
  return "failed" as const;
}

function retryOrGiveUp(
  ctx: OutboxContext,
  work: DeliveryWork,
  statusCode: number | null,
  error: string,
): AttemptOutcome {
  const retryAt = nextRetryAt(
    work.delivery.createdAt,
    work.delivery.attempts,
    ctx.config.webhooks.retryBaseSeconds,
  );
  return { delivered: false, statusCode, error, retryAt };
}

/** One attempt: the endpoint's HTTP status for a webhook, null for an email the server accepted. */
async function send(ctx: OutboxContext, work: DeliveryWork): Promise<number | null> {
  const { delivery, event, tenant, endpoint } = work;
  if (delivery.channel === "email") {
    if (!ctx.config.email) throw new Error("Email is off: SMTP_URL is not set");
    const data = event.data as Parameters<typeof breakEmail>[2];
    await sendEmail(
      ctx.config.email,
      breakEmail(delivery.recipient!, tenant, data, ctx.config.appUrl),
    );
    return null;
  }
  const url = new URL(endpoint!.url);
  // Checked again at each attempt: the name may resolve elsewhere since the endpoint was added.
  await checkDestination(url, ctx.config.webhooks);
  const body = webhookBody(event, tenant);
  const headers = signedHeaders(openEndpointSecret(ctx.keyring, endpoint!), event.id, body);
  return postJson(url, headers, body, ctx.config.webhooks);
}
