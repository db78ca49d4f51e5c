import type { Db } from "@/db/client";
import { listRecentDeliveries } from "@/db/queries/outbox";
import { listWebhookEndpoints } from "@/db/queries/webhook-endpoints";
import { presentWebhooks, type WebhooksView } from "@/lib/views/webhooks";

/** Deliveries listed per endpoint: the latest ones. */
export const RECENT_DELIVERIES = 10;

/** The tenant's endpoints, each with its recent deliveries. */
export async function loadWebhooks(
  db: Db,
  tenantId: string,
  emailAlerts: boolean,
): Promise<WebhooksView> {
  const endpoints = await listWebhookEndpoints(db, tenantId);
  const deliveries = await listRecentDeliveries(
    db,
    endpoints.map((e) => e.id),
    RECENT_DELIVERIES,
  );
  return presentWebhooks(endpoints, deliveries, emailAlerts);
}
