import { and, desc, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  apiKeys,
  connectLinks,
  memberships,
  tenants,
  type ConnectLink,
  type Role,
} from "../schema";
import { DELETE_BATCH_SIZE, deleteInBatches } from "./batches";

/** What may be shown of a link: never its token hash. */
export type ConnectLinkRow = Pick<
  ConnectLink,
  "id" | "tenantId" | "returnUrl" | "expiresAt" | "claimedAt" | "usedAt" | "revokedAt" | "createdAt"
>;

const linkColumns = {
  id: connectLinks.id,
  tenantId: connectLinks.tenantId,
  returnUrl: connectLinks.returnUrl,
  expiresAt: connectLinks.expiresAt,
  claimedAt: connectLinks.claimedAt,
  usedAt: connectLinks.usedAt,
  revokedAt: connectLinks.revokedAt,
  createdAt: connectLinks.createdAt,
};

// Expiry is judged by the database's clock, the same for every app instance.
const expired = sql<boolean>`${connectLinks.expiresAt} <= now()`;

/**
 * Whether whoever made the link may still make it: its creator is still a member of the tenant with
 * one of `roles`, and the API key that asked for it, if one did, is not revoked and still covers the
 * tenant. A deleted creator (null) never may.
 */
function creatorEntitled(roles: Role[]) {
  const member = and(
    eq(memberships.tenantId, connectLinks.tenantId),
    eq(memberships.userId, connectLinks.createdByUserId),
    inArray(memberships.role, roles),
  );
  const liveKey = and(
    eq(apiKeys.id, connectLinks.createdByApiKeyId),
    isNull(apiKeys.revokedAt),
    or(isNull(apiKeys.tenantIds), sql`${connectLinks.tenantId} = any(${apiKeys.tenantIds})`),
  );
  return sql<boolean>`(exists (select 1 from ${memberships} where ${member})
    and (${connectLinks.createdByApiKeyId} is null or exists (select 1 from ${apiKeys} where ${liveKey})))`;
}

export async function insertConnectLink(
  db: Db,
  input: {
    tenantId: string;
    createdByUserId: string | null;
    createdByApiKeyId: string | null;
    tokenHash: string;
    returnUrl: string | null;
    expiresInSeconds: number;
  },
): Promise<ConnectLinkRow> {
  const { expiresInSeconds, ...values } = input;
  const [row] = await db
    .insert(connectLinks)
    .values({ ...values, expiresAt: sql`now() + make_interval(secs => ${expiresInSeconds})` })
    .returning(linkColumns);
  return row!;
}

/**
 * Links that can still be opened: not claimed, not revoked, not expired, and their creator still has
 * one of `creatorRoles`; newest first.
 */
export async function listOpenConnectLinks(
  db: Db,
  tenantId: string,
  creatorRoles: Role[],
): Promise<ConnectLinkRow[]> {
  return db
    .select(linkColumns)
    .from(connectLinks)
    .where(
      and(
        eq(connectLinks.tenantId, tenantId),
        isNull(connectLinks.claimedAt),
        isNull(connectLinks.revokedAt),
        gt(connectLinks.expiresAt, sql`now()`),
        creatorEntitled(creatorRoles),
      ),
    )
    .orderBy(desc(connectLinks.createdAt))
    .limit(200);
}

/** Revokes a link of the tenant that nobody has claimed yet; false when there is none. */
export async function revokeConnectLink(db: Db, tenantId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(connectLinks)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(connectLinks.id, id),
        eq(connectLinks.tenantId, tenantId),
        isNull(connectLinks.claimedAt),
        isNull(connectLinks.revokedAt),
      ),
    )
    .returning({ id: connectLinks.id });
  return rows.length > 0;
}

/**
 * A link by its token's hash, with its tenant, whether it has expired by the database's clock, and
 * whether its creator still has one of `creatorRoles`.
 */
export async function findConnectLinkByHash(db: Db, tokenHash: string, creatorRoles: Role[]) {
  const [row] = await db
    .select({
      link: linkColumns,
      expired,
      creatorEntitled: creatorEntitled(creatorRoles),
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name },
    })
    .from(connectLinks)
    .innerJoin(tenants, eq(tenants.id, connectLinks.tenantId))
    .where(eq(connectLinks.tokenHash, tokenHash))
    .limit(1);
  return row;
}

export async function findConnectLinkById(db: Db, id: string, creatorRoles: Role[]) {
  const [row] = await db
    .select({ link: linkColumns, expired, creatorEntitled: creatorEntitled(creatorRoles) })
    .from(connectLinks)
    .where(eq(connectLinks.id, id))
    .limit(1);
  return row;
}

/**
 * The single-use compare-and-set: takes the link for one code exchange when it is unclaimed, not
 * revoked, not expired, still the tenant's, and its creator still has one of `creatorRoles`. Of two
 * concurrent claims exactly one gets the row.
 */
export async function claimConnectLink(db: Db, id: string, tenantId: string, creatorRoles: Role[]) {
  const [row] = await db
    .update(connectLinks)
    .set({ claimedAt: sql`now()` })
    .where(
      and(
        eq(connectLinks.id, id),
        eq(connectLinks.tenantId, tenantId),
        isNull(connectLinks.claimedAt),
        isNull(connectLinks.revokedAt),
        gt(connectLinks.expiresAt, sql`now()`),
        creatorEntitled(creatorRoles),
      ),
    )
    .returning({ createdByUserId: connectLinks.createdByUserId });
  return row;
}

export async function markConnectLinkUsed(db: Db, id: string) {
  await db
    .update(connectLinks)
    .set({ usedAt: sql`now()` })
    .where(eq(connectLinks.id, id));
}

/** Gives a claim back after the exchange failed with nothing stored, so the link can be tried again. */
export async function releaseConnectLinkClaim(db: Db, id: string) {
  await db
    .update(connectLinks)
    .set({ claimedAt: null })
    .where(and(eq(connectLinks.id, id), isNull(connectLinks.usedAt)));
}

export async function findConnectReturnUrls(db: Db, tenantId: string): Promise<string[]> {
  const [row] = await db
    .select({ urls: tenants.connectReturnUrls })
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .limit(1);
  return row?.urls ?? [];
}

export async function updateConnectReturnUrls(db: Db, tenantId: string, urls: string[]) {
  await db.update(tenants).set({ connectReturnUrls: urls }).where(eq(tenants.id, tenantId));
}

/**
 * Deletes links used, revoked or expired before `cutoff`, a batch at a time. Returns how many went;
 * stops after the batch that passes `until`.
 */
export function deleteClosedConnectLinksBefore(
  db: Db,
  cutoff: Date,
  batchSize = DELETE_BATCH_SIZE,
  until = Infinity,
): Promise<number> {
  return deleteInBatches(
    async (limit) => {
      const closed = db
        .select({ id: connectLinks.id })
        .from(connectLinks)
        .where(
          or(
            lt(connectLinks.usedAt, cutoff),
            lt(connectLinks.revokedAt, cutoff),
            lt(connectLinks.expiresAt, cutoff),
          ),
        )
        .limit(limit);
      const gone = await db
        .delete(connectLinks)
        .where(inArray(connectLinks.id, closed))
        .returning({ id: connectLinks.id });
      return gone.length;
    },
    batchSize,
    until,
  );
}
