import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { webhookEndpoints, type WebhookEndpoint } from "../schema";

/** What the dashboard and the API may see of an endpoint: never its secret. */
export type WebhookEndpointRow = Pick<WebhookEndpoint, "id" | "url" | "events" | "createdAt">;

const rowColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  events: webhookEndpoints.events,
  createdAt: webhookEndpoints.createdAt,
};

/** Stores an endpoint; `seal` encrypts its signing secret bound to the new row's id. */
export async function insertWebhookEndpoint(
  db: Db,
  input: { tenantId: string; url: string; events: string[]; createdByUserId: string },
  seal: (id: string) => string,
): Promise<WebhookEndpointRow> {
  const id = crypto.randomUUID();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ id, ...input, secretEnc: seal(id) })
    .returning(rowColumns);
  return row!;
}

export async function listWebhookEndpoints(
  db: Db,
  tenantId: string,
): Promise<WebhookEndpointRow[]> {
  return db
    .select(rowColumns)
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.tenantId, tenantId))
    .orderBy(asc(webhookEndpoints.createdAt));
}

/** Deletes the endpoint and, with it, its deliveries (pending ones are never sent). */
export async function deleteWebhookEndpoint(
  db: Db,
  tenantId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.tenantId, tenantId)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}
