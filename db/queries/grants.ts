import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
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

/** Clears the lease and every trace of earlier failures: a refresh committed, or a new consent. */
const REFRESH_STATE_CLEARED = {
  refreshLeaseOwner: null,
  refreshLeaseUntil: null,
  refreshInterruptedAt: null,
  refreshRetryAt: null,
  refreshFailures: 0,
  refreshPauseReason: null,
  lastError: null,
} as const;

/**
 * Takes the refresh lease when it is free or has run out, and only while the row is still at
 * `version` (nobody committed since it was read). A lease that ran out with no commit means its
 * holder crashed or hung after calling Zoom, so the grant is marked interrupted. Times come from the
 * database's clock, the one every process shares.
 */
export async function claimRefreshLease(
  db: Db,
  id: string,
  version: number,
  owner: string,
  leaseMs: number,
): Promise<ZoomGrant | undefined> {
  const [row] = await db
    .update(zoomGrants)
    .set({
      refreshLeaseOwner: owner,
      refreshLeaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      refreshInterruptedAt: sql`case when ${zoomGrants.refreshLeaseUntil} is not null then now() else ${zoomGrants.refreshInterruptedAt} end`,
    })
    .where(
      and(
        eq(zoomGrants.id, id),
        eq(zoomGrants.version, version),
        eq(zoomGrants.status, "active"),
        or(isNull(zoomGrants.refreshLeaseUntil), lt(zoomGrants.refreshLeaseUntil, sql`now()`)),
      ),
    )
    .returning();
  return row;
}

/**
 * Commits a refreshed pair and frees the lease. The version is the fence: nothing written since the
 * lease was taken may be overwritten. A holder whose lease ran out still commits when nobody else
 * did, because once Zoom rotated the token its pair is the only live one.
 */
export async function commitRefreshedTokens(
  db: Db,
  id: string,
  version: number,
  tokens: GrantTokenColumns,
): Promise<boolean> {
  const [row] = await db
    .update(zoomGrants)
    .set({ ...tokens, ...REFRESH_STATE_CLEARED, version: version + 1, refreshedAt: new Date() })
    .where(and(eq(zoomGrants.id, id), eq(zoomGrants.version, version)))
    .returning({ id: zoomGrants.id });
  return Boolean(row);
}

export async function markReauthRequired(
  db: Db | Tx,
  id: string,
  version: number,
  lastError: string,
) {
  const [row] = await db
    .update(zoomGrants)
    .set({
      status: "reauth_required",
      lastError,
      version: version + 1,
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
    })
    .where(and(eq(zoomGrants.id, id), eq(zoomGrants.version, version)))
    .returning({ id: zoomGrants.id });
  return Boolean(row);
}

/**
 * A transient refresh failure: frees the lease and backs off, doubling from 5 s up to 5 minutes, or
 * longer when Zoom's Retry-After asks for it. `ambiguous` (a timeout or a lost answer) marks the grant
 * interrupted: Zoom may have rotated the token without us hearing of it.
 */
export async function recordRefreshFailure(
  db: Db,
  id: string,
  owner: string,
  failure: { reason: string; retryAfterSeconds: number; ambiguous: boolean },
) {
  const backoff = sql`greatest(${failure.retryAfterSeconds}, least(300, 5 * power(2, least(${zoomGrants.refreshFailures}, 10))))`;
  await db
    .update(zoomGrants)
    .set({
      refreshLeaseOwner: null,
      refreshLeaseUntil: null,
      refreshRetryAt: sql`now() + ${backoff} * interval '1 second'`,
      refreshFailures: sql`${zoomGrants.refreshFailures} + 1`,
      refreshPauseReason: failure.reason,
      refreshInterruptedAt: failure.ambiguous
        ? sql`now()`
        : sql`${zoomGrants.refreshInterruptedAt}`,
    })
    .where(and(eq(zoomGrants.id, id), eq(zoomGrants.refreshLeaseOwner, owner)));
}

/** Pauses refreshes for `seconds` (Zoom refused the token it had just issued). */
export async function pauseRefreshes(db: Db, id: string, seconds: number, reason: string) {
  await db
    .update(zoomGrants)
    .set({
      refreshRetryAt: sql`now() + ${seconds} * interval '1 second'`,
      refreshPauseReason: reason,
    })
    .where(eq(zoomGrants.id, id));
}

/** Frees a lease this owner holds without writing anything (the refresh turned out not to be needed). */
export async function releaseRefreshLease(db: Db, id: string, owner: string) {
  await db
    .update(zoomGrants)
    .set({ refreshLeaseOwner: null, refreshLeaseUntil: null })
    .where(and(eq(zoomGrants.id, id), eq(zoomGrants.refreshLeaseOwner, owner)));
}

/**
 * At shutdown: frees every lease this process still holds. Its refresh did not finish in time, so
 * the grant is marked interrupted and the next refresher starts at once instead of waiting it out.
 */
export async function abandonRefreshLeases(db: Db, owner: string): Promise<number> {
  const rows = await db
    .update(zoomGrants)
    .set({ refreshLeaseOwner: null, refreshLeaseUntil: null, refreshInterruptedAt: sql`now()` })
    .where(eq(zoomGrants.refreshLeaseOwner, owner))
    .returning({ id: zoomGrants.id });
  return rows.length;
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
        ...REFRESH_STATE_CLEARED,
        authorizedAt: now,
        refreshedAt: now,
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
