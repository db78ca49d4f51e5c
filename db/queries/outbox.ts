import {
  and,
  asc,
  desc,
  eq,
  exists,
  gt,
  inArray,
  isNull,
  lt,
  lte,
  notExists,
  or,
  sql,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../client";
import {
  memberships,
  outboxDeliveries,
  outboxEvents,
  tenants,
  users,
  webhookEndpoints,
  zoomConnections,
  type OutboxDelivery,
} from "../schema";
import { DELETE_BATCH_SIZE, deleteInBatches } from "./batches";

/** Writes an event and one pending delivery per destination, in the caller's transaction. */
export async function insertEventWithDeliveries(
  tx: Tx,
  event: { tenantId: string; type: string; data: Record<string, unknown> },
  destinations: { endpointIds: string[]; recipients: string[] },
): Promise<string> {
  const [row] = await tx.insert(outboxEvents).values(event).returning({ id: outboxEvents.id });
  const eventId = row!.id;
  const deliveries = [
    ...destinations.endpointIds.map((endpointId) => ({
      eventId,
      channel: "webhook" as const,
      endpointId,
    })),
    ...destinations.recipients.map((recipient) => ({
      eventId,
      channel: "email" as const,
      recipient,
    })),
  ];
  if (deliveries.length > 0) await tx.insert(outboxDeliveries).values(deliveries);
  return eventId;
}

/** The tenant's endpoints subscribed to `type`. */
export async function listSubscribedEndpointIds(
  tx: Tx,
  tenantId: string,
  type: string,
): Promise<string[]> {
  const rows = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(eq(webhookEndpoints.tenantId, tenantId), sql`${type} = any(${webhookEndpoints.events})`),
    );
  return rows.map((r) => r.id);
}

export async function listOwnerEmails(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "owner")))
    .orderBy(asc(users.email));
  return rows.map((r) => r.email);
}

/** Tenants whose connection uses the grant. */
export async function listTenantIdsOfGrant(tx: Tx, grantId: string): Promise<string[]> {
  const rows = await tx
    .select({ tenantId: zoomConnections.tenantId })
    .from(zoomConnections)
    .where(eq(zoomConnections.grantId, grantId));
  return rows.map((r) => r.tenantId);
}

/** Records that the owners were told of the connection's current break; false if they already were. */
export async function markBreakNotified(tx: Tx, tenantId: string): Promise<boolean> {
  const rows = await tx
    .update(zoomConnections)
    .set({ breakNotifiedAt: new Date() })
    .where(and(eq(zoomConnections.tenantId, tenantId), isNull(zoomConnections.breakNotifiedAt)))
    .returning({ tenantId: zoomConnections.tenantId });
  return rows.length > 0;
}

const isDue = and(
  eq(outboxDeliveries.status, "pending"),
  lte(outboxDeliveries.nextAttemptAt, sql`now()`),
  or(isNull(outboxDeliveries.leaseUntil), lt(outboxDeliveries.leaseUntil, sql`now()`)),
);

/**
 * Leases up to `limit` due deliveries to `owner` and counts the attempt. Rows another instance is
 * claiming at the same moment are skipped (SKIP LOCKED), so each is sent by one instance; a lease
 * that runs out (its holder crashed) makes the row due again.
 */
export async function claimDueDeliveries(
  db: Db,
  owner: string,
  leaseSeconds: number,
  limit: number,
): Promise<string[]> {
  const due = db
    .select({ id: outboxDeliveries.id })
    .from(outboxDeliveries)
    .where(isDue)
    .orderBy(asc(outboxDeliveries.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(outboxDeliveries)
    .set({
      leaseOwner: owner,
      leaseUntil: sql`now() + ${leaseSeconds} * interval '1 second'`,
      attempts: sql`${outboxDeliveries.attempts} + 1`,
    })
    .where(and(inArray(outboxDeliveries.id, due), isDue))
    .returning({ id: outboxDeliveries.id });
  return rows.map((r) => r.id);
}

/** A leased delivery with what sending it needs: its event, tenant and endpoint. */
export async function findDeliveryWork(db: Db, id: string) {
  const [row] = await db
    .select({
      delivery: outboxDeliveries,
      event: outboxEvents,
      tenant: { slug: tenants.slug, name: tenants.name },
      endpoint: {
        id: webhookEndpoints.id,
        url: webhookEndpoints.url,
        secretEnc: webhookEndpoints.secretEnc,
      },
    })
    .from(outboxDeliveries)
    .innerJoin(outboxEvents, eq(outboxEvents.id, outboxDeliveries.eventId))
    .innerJoin(tenants, eq(tenants.id, outboxEvents.tenantId))
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.id, outboxDeliveries.endpointId))
    .where(eq(outboxDeliveries.id, id))
    .limit(1);
  return row;
}
export type DeliveryWork = NonNullable<Awaited<ReturnType<typeof findDeliveryWork>>>;

/** How an attempt ended: delivered, to be retried at `retryAt`, or given up (`retryAt` null). */
export type AttemptOutcome =
  | { delivered: true; statusCode: number | null }
  | { delivered: false; statusCode: number | null; error: string; retryAt: Date | null };

/** Records an attempt and frees the lease, only while `owner` still holds it. */
export async function recordAttempt(db: Db, id: string, owner: string, outcome: AttemptOutcome) {
  const common = { leaseOwner: null, leaseUntil: null, lastStatusCode: outcome.statusCode };
  const set = outcome.delivered
    ? { ...common, status: "delivered" as const, deliveredAt: new Date(), lastError: null }
    : {
        ...common,
        lastError: outcome.error,
        ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt } : { status: "failed" as const }),
      };
  await db
    .update(outboxDeliveries)
    .set(set)
    .where(and(eq(outboxDeliveries.id, id), eq(outboxDeliveries.leaseOwner, owner)));
}

/** At shutdown: frees this process's leases so another instance sends those deliveries at once. */
export async function releaseDeliveryLeases(db: Db, owner: string): Promise<number> {
  const rows = await db
    .update(outboxDeliveries)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(eq(outboxDeliveries.leaseOwner, owner))
    .returning({ id: outboxDeliveries.id });
  return rows.length;
}

export type DeliveryRow = Pick<
  OutboxDelivery,
  | "id"
  | "endpointId"
  | "status"
  | "attempts"
  | "nextAttemptAt"
  | "lastStatusCode"
  | "lastError"
  | "deliveredAt"
  | "createdAt"
> & { eventId: string; eventType: string };

/** The latest deliveries of each of the endpoints, newest first (at most `perEndpoint` each). */
export async function listRecentDeliveries(
  db: Db,
  endpointIds: string[],
  perEndpoint: number,
): Promise<DeliveryRow[]> {
  if (endpointIds.length === 0) return [];
  const ranked = db
    .select({
      id: outboxDeliveries.id,
      endpointId: outboxDeliveries.endpointId,
      status: outboxDeliveries.status,
      attempts: outboxDeliveries.attempts,
      nextAttemptAt: outboxDeliveries.nextAttemptAt,
      lastStatusCode: outboxDeliveries.lastStatusCode,
      lastError: outboxDeliveries.lastError,
      deliveredAt: outboxDeliveries.deliveredAt,
      createdAt: outboxDeliveries.createdAt,
      eventId: outboxDeliveries.eventId,
      eventType: outboxEvents.type,
      rank: sql<number>`row_number() over (partition by ${outboxDeliveries.endpointId} order by ${outboxDeliveries.createdAt} desc)`.as(
        "rank",
      ),
    })
    .from(outboxDeliveries)
    .innerJoin(outboxEvents, eq(outboxEvents.id, outboxDeliveries.eventId))
    .where(inArray(outboxDeliveries.endpointId, endpointIds))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, perEndpoint))
    .orderBy(desc(ranked.createdAt));
  return rows.map(({ rank: _rank, ...row }) => row);
}

/**
 * Queues the event of one of the tenant's webhook deliveries again for the same endpoint, as a new
 * delivery with the same webhook-id. Undefined when the tenant has no such delivery.
 */
export async function requeueWebhookDelivery(
  db: Db,
  tenantId: string,
  deliveryId: string,
): Promise<string | undefined> {
  const [source] = await db
    .select({ eventId: outboxDeliveries.eventId, endpointId: outboxDeliveries.endpointId })
    .from(outboxDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, outboxDeliveries.endpointId))
    .where(and(eq(outboxDeliveries.id, deliveryId), eq(webhookEndpoints.tenantId, tenantId)))
    .limit(1);
  if (!source) return undefined;
  const [row] = await db
    .insert(outboxDeliveries)
    .values({ eventId: source.eventId, endpointId: source.endpointId, channel: "webhook" })
    .returning({ id: outboxDeliveries.id });
  return row!.id;
}

/**
 * Deletes delivered and given-up deliveries queued before `cutoff`, a batch at a time, except each
 * endpoint's latest `keepPerEndpoint` (what the dashboard lists stays listed). Returns how many went;
 * stops after the batch that passes `until`.
 */
export function deleteFinishedDeliveriesBefore(
  db: Db,
  cutoff: Date,
  keepPerEndpoint: number,
  batchSize = DELETE_BATCH_SIZE,
  until = Infinity,
): Promise<number> {
  const newer = alias(outboxDeliveries, "newer");
  // The endpoint has `keepPerEndpoint` deliveries queued after this one: it is no longer listed.
  const pastTheListed = exists(
    db
      .select({ one: sql`1` })
      .from(newer)
      .where(
        and(
          eq(newer.endpointId, outboxDeliveries.endpointId),
          gt(newer.createdAt, outboxDeliveries.createdAt),
        ),
      )
      .offset(keepPerEndpoint - 1)
      .limit(1),
  );
  return deleteInBatches(
    async (limit) => {
      const finished = db
        .select({ id: outboxDeliveries.id })
        .from(outboxDeliveries)
        .where(
          and(
            inArray(outboxDeliveries.status, ["delivered", "failed"]),
            lt(outboxDeliveries.createdAt, cutoff),
            or(isNull(outboxDeliveries.endpointId), pastTheListed),
          ),
        )
        .limit(limit);
      const gone = await db
        .delete(outboxDeliveries)
        .where(inArray(outboxDeliveries.id, finished))
        .returning({ id: outboxDeliveries.id });
      return gone.length;
    },
    batchSize,
    until,
  );
}

/**
 * Deletes events recorded before `cutoff` that have no delivery left (all pruned, or none was ever
 * due), a batch at a time; stops after the batch that passes `until`.
 */
export function deleteEventsWithoutDeliveriesBefore(
  db: Db,
  cutoff: Date,
  batchSize = DELETE_BATCH_SIZE,
  until = Infinity,
): Promise<number> {
  const undelivered = notExists(
    db
      .select({ one: sql`1` })
      .from(outboxDeliveries)
      .where(eq(outboxDeliveries.eventId, outboxEvents.id)),
  );
  return deleteInBatches(
    async (limit) => {
      const spent = db
        .select({ id: outboxEvents.id })
        .from(outboxEvents)
        .where(and(lt(outboxEvents.createdAt, cutoff), undelivered))
        .limit(limit);
      const gone = await db
        .delete(outboxEvents)
        .where(inArray(outboxEvents.id, spent))
        .returning({ id: outboxEvents.id });
      return gone.length;
    },
    batchSize,
    until,
  );
}
