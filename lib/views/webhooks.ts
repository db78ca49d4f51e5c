import type { DeliveryRow } from "@/db/queries/outbox";
import type { WebhookEndpointRow } from "@/db/queries/webhook-endpoints";
import type { DeliveryStatus } from "@/db/schema";

/** One delivery of an event to an endpoint, as listed with the endpoint. */
export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due; null once delivered or given up. */
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** An endpoint as listed: never its signing secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  createdAt: string;
  deliveries: WebhookDeliveryView[];
}

/** `POST …/webhooks`: the new endpoint and its signing secret, shown this once. */
export interface CreatedWebhookEndpointView extends WebhookEndpointView {
  secret: string;
}

/** `GET /api/tenants/:slug/webhooks`: the endpoints with their recent deliveries, and whether owners get emails. */
export interface WebhooksView {
  endpoints: WebhookEndpointView[];
  emailAlerts: boolean;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentDelivery(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    deliveredAt: iso(row.deliveredAt),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentEndpoint(
  row: WebhookEndpointRow,
  deliveries: DeliveryRow[] = [],
): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    createdAt: row.createdAt.toISOString(),
    deliveries: deliveries.filter((d) => d.endpointId === row.id).map(presentDelivery),
  };
}

export function presentWebhooks(
  endpoints: WebhookEndpointRow[],
  deliveries: DeliveryRow[],
  emailAlerts: boolean,
): WebhooksView {
  return { endpoints: endpoints.map((e) => presentEndpoint(e, deliveries)), emailAlerts };
}
