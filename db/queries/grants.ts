import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { zoomConnections, zoomGrants, type ZoomGrant } from "../schema";

export type GrantTokenColumns = Pick<
  ZoomGrant,
  "accessTokenEnc" | "refreshTokenEnc" | "accessTokenExpiresAt" | "scopes"
>;

export async function findGrant(db: Db | Tx, id: string): Promise<ZoomGrant | undefined> {
  const [row] = await db.select().from(zoomGrants).where(eq(zoomGrants.id, id)).limit(1);
  return row;
}

/** Reads the grant and holds its row lock until the transaction ends: the cross-process refresh lock. */
export async function lockGrant(tx: Tx, id: string): Promise<ZoomGrant | undefined> {
  // A waiter gives up rather than pinning a connection for long if the holder is stuck on Zoom.
  await tx.execute(sql`set local lock_timeout = '15s'`);
  const [row] = await tx
    .select()
    .from(zoomGrants)
    .where(eq(zoomGrants.id, id))
    .for("update")
    .limit(1);
  return row;
}

export async function lockGrantByZoomUser(
  tx: Tx,
  zoomUserId: string,
): Promise<ZoomGrant | undefined> {
  const [row] = await tx
    .select()
    .from(zoomGrants)
    .where(eq(zoomGrants.zoomUserId, zoomUserId))
    .for("update")
    .limit(1);
  return row;
}

/** Compare-and-set on `version`: an older result can never overwrite a newer token pair. */
export async function writeRefreshedTokens(
  tx: Tx,
  id: string,
  version: number,
  tokens: GrantTokenColumns,
) {
  const [row] = await tx
    .update(zoomGrants)
    .set({ ...tokens, version: version + 1, refreshedAt: new Date(), lastError: null })
    .where(and(eq(zoomGrants.id, id), eq(zoomGrants.version, version)))
    .returning({ id: zoomGrants.id });
  return Boolean(row);
}

export async function markReauthRequired(tx: Tx, id: string, version: number, lastError: string) {
  await tx
    .update(zoomGrants)
    .set({ status: "reauth_required", lastError, version: version + 1 })
    .where(and(eq(zoomGrants.id, id), eq(zoomGrants.version, version)));
}

export async function listGrantIdsRefreshedBefore(db: Db, cutoff: Date): Promise<string[]> {
  const rows = await db
    .select({ id: zoomGrants.id })
    .from(zoomGrants)
    .where(and(eq(zoomGrants.status, "active"), lt(zoomGrants.refreshedAt, cutoff)))
    .orderBy(asc(zoomGrants.refreshedAt));
  return rows.map((r) => r.id);
}

/** How many tenants use the grant; a grant no tenant uses is revoked and deleted. */
export async function countTenantsUsingGrant(db: Db | Tx, grantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(zoomConnections)
    .where(eq(zoomConnections.grantId, grantId));
  return row?.n ?? 0;
}

export async function deleteGrant(db: Db | Tx, id: string) {
  await db.delete(zoomGrants).where(eq(zoomGrants.id, id));
}

export type GrantProfile = Pick<
  ZoomGrant,
  "zoomUserId" | "zoomAccountId" | "email" | "displayName" | "picUrl" | "scopes"
>;

/**
 * Stores a fresh consent for a Zoom user. Zoom has just killed that user's earlier tokens, so an
 * existing row (shared by other tenants) takes the new pair, under its row lock.
 */
export async function upsertGrantFromConsent(
  tx: Tx,
  profile: GrantProfile,
  seal: (grantId: string) => Omit<GrantTokenColumns, "scopes">,
): Promise<string> {
  const existing = await lockGrantByZoomUser(tx, profile.zoomUserId);
  const now = new Date();
  if (existing) {
    await tx
      .update(zoomGrants)
      .set({
        ...profile,
        ...seal(existing.id),
        status: "active",
        version: existing.version + 1,
        authorizedAt: now,
        refreshedAt: now,
        lastError: null,
      })
      .where(eq(zoomGrants.id, existing.id));
    return existing.id;
  }
  const id = crypto.randomUUID();
  const inserted = await tx
    .insert(zoomGrants)
    .values({ id, ...profile, ...seal(id), authorizedAt: now, refreshedAt: now })
    .onConflictDoNothing({ target: zoomGrants.zoomUserId })
    .returning({ id: zoomGrants.id });
  // Another tenant stored the same Zoom user a moment ago: update that row instead.
  return inserted.length > 0 ? id : upsertGrantFromConsent(tx, profile, seal);
}

export async function countGrantsByStatus(
  db: Db,
): Promise<{ status: ZoomGrant["status"]; count: number }[]> {
  return db
    .select({ status: zoomGrants.status, count: sql<number>`count(*)::int` })
    .from(zoomGrants)
    .groupBy(zoomGrants.status);
}
