import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { zoomConnections, zoomGrants, type ZoomConnection, type ZoomGrant } from "../schema";

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
  input: { tenantId: string; grantId: string; userId: string },
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

/** Keeps the tenants' rows, without tokens, so the dashboard can say why they were disconnected. */
export async function detachGrant(tx: Tx, grantId: string, reason: string) {
  await tx
    .update(zoomConnections)
    .set({ grantId: null, disconnectedReason: reason })
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

/** At most one write a minute per tenant, like touchUrlSecret. */
export async function touchTokenServed(db: Db, tenantId: string) {
  await db
    .update(zoomConnections)
    .set({ lastTokenServedAt: new Date() })
    .where(
      and(
        eq(zoomConnections.tenantId, tenantId),
        or(
          isNull(zoomConnections.lastTokenServedAt),
          lt(zoomConnections.lastTokenServedAt, sql`now() - interval '1 minute'`),
        ),
      ),
    );
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
