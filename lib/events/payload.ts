import type { OutboxEvent } from "@/db/schema";

/**
 * The JSON body of an event's webhook (the Standard Webhooks shape): its type, when it happened, and
 * its data with the tenant's slug. Built from stored fields only, so every attempt sends the same body.
 */
export function webhookBody(
  event: Pick<OutboxEvent, "type" | "data" | "createdAt">,
  tenant: { slug: string },
): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: { tenant: tenant.slug, ...(event.data as Record<string, unknown>) },
  });
}
