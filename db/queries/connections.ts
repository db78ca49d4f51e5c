import { eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../client";
import {
  memberships,
  zoomConnections,
  zoomGrants,
  type ZoomConnection,
  type ZoomGrant,
} from "../schema";

export interface ConnectionWithGrant {
  connection: ZoomConnection;
  grant: ZoomGrant | null;
}

export async function findConnection(
  db: Db,
  tenantId: string,
): Promise<ConnectionWithGrant | undefined> {
  const [row] = await db
    .select({ connection: zoomConnections, grant: zoomGrants })
    .from(zoomConnections)
    .leftJoin(zoomGrants, eq(zoomGrants.id, zoomConnections.grantId))
    .where(eq(zoomConnections.tenantId, tenantId))
    .limit(1);
  return row;
}

/** Points the tenant at a grant; returns the grant it used before, if any. */
export async function linkTenantToGrant(
  tx: Tx,
  input: { tenantId: string; grantId: string; userId: string | null },
): Promise<string | null> {
  const [previous] = await tx
    .select({ grantId: zoomConnections.grantId })
    .from(zoomConnections)
    .where(eq(zoomConnections.tenantId, input.tenantId))
    .for("update");
  const values = {
    grantId: input.grantId,
    connectedByUserId: input.userId,
    connectedAt: new Date(),
    disconnectedReason: null,
  };
  await tx
    .insert(zoomConnections)
    .values({ tenantId: input.tenantId, ...values })
    .onConflictDoUpdate({ target: zoomConnections.tenantId, set: values });
  return previous?.grantId ?? null;
}

export async function deleteConnection(db: Db | Tx, tenantId: string) {
  await db.delete(zoomConnections).where(eq(zoomConnections.tenantId, tenantId));
}

/**
 * Keeps the tenants' rows, without tokens, so the dashboard can say why they were disconnected.
 * Returns those tenants' ids.
 */
export async function detachGrant(tx: Tx, grantId: string, reason: string): Promise<string[]> {
  const rows = await tx
    .update(zoomConnections)
    .set({ grantId: null, disconnectedReason: reason })
    .where(eq(zoomConnections.grantId, grantId))
    .returning({ tenantId: zoomConnections.tenantId });
  return rows.map((r) => r.tenantId);
}

/** A new consent mended the grant: each of its tenants' next break is mailed again. */
export async function clearBreakNotified(tx: Tx, grantId: string) {
  await tx
    .update(zoomConnections)
    .set({ breakNotifiedAt: null })
    .where(eq(zoomConnections.grantId, grantId));
}

/** Sets the Zoom account's limit per second for the tenant's connection; false without one. */
export async function setZoomRateLimit(
  db: Db,
  tenantId: string,
  zoomRateLimit: number | null,
): Promise<boolean> {
  const rows = await db
    .update(zoomConnections)
    .set({ zoomRateLimit })
    .where(eq(zoomConnections.tenantId, tenantId))
    .returning({ tenantId: zoomConnections.tenantId });
  return rows.length > 0;
}

/** Grants no tenant links to any more (left behind when a revoke at Zoom failed). */
export async function listUnusedGrantIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: zoomGrants.id })
    .from(zoomGrants)
    .leftJoin(zoomConnections, eq(zoomConnections.grantId, zoomGrants.id))
    .where(isNull(zoomConnections.tenantId));
  return rows.map((r) => r.id);
}

/** The Zoom user ids connected to the tenants `userId` is a member of. */
export async function listZoomUserIdsForMember(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ zoomUserId: zoomGrants.zoomUserId })
    .from(memberships)
    .innerJoin(zoomConnections, eq(zoomConnections.tenantId, memberships.tenantId))
    .innerJoin(zoomGrants, eq(zoomGrants.id, zoomConnections.grantId))
    .where(eq(memberships.userId, userId));
  return rows.map((r) => r.zoomUserId);
}
