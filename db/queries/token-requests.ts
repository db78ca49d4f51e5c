import { and, desc, eq, inArray, isNull, lt, or, sql, type AnyColumn } from "drizzle-orm";
import type { Db } from "../client";
import { tokenRequests, urlSecrets, zoomConnections } from "../schema";
import { DELETE_BATCH_SIZE, deleteInBatches } from "./batches";

export type NewTokenRequest = typeof tokenRequests.$inferInsert;

/** A "last used" stamp is written at most once a minute, so bots in a burst do not queue on one row. */
const staleStamp = (column: AnyColumn) =>
  or(isNull(column), lt(column, sql`now() - interval '1 minute'`));

/**
 * Records a token request and, in the same statement, stamps its URL secret as used and, when a
 * token was served, the tenant's connection: one round trip on the bot path instead of three.
 */
export async function recordTokenRequest(db: Db, entry: NewTokenRequest) {
  const audit = db
    .$with("audit")
    .as(db.insert(tokenRequests).values(entry).returning({ id: tokenRequests.id }));
  const secretUsed = db.$with("secret_used").as(
    db
      .update(urlSecrets)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(urlSecrets.id, entry.secretId ?? sql`null`), staleStamp(urlSecrets.lastUsedAt)))
      .returning({ id: urlSecrets.id }),
  );
  const served = entry.status === 200 && entry.tenantId ? entry.tenantId : null;
  await db
    .with(audit, secretUsed)
    .update(zoomConnections)
    .set({ lastTokenServedAt: sql`now()` })
    .where(
      and(
        eq(zoomConnections.tenantId, served ?? sql`null`),
        staleStamp(zoomConnections.lastTokenServedAt),
      ),
    );
}

export type TokenRequestRow = Awaited<ReturnType<typeof listRecentTokenRequests>>[number];

export interface TokenRequestFilter {
  limit: number;
  kind?: string;
  outcome?: string;
  /** Only requests older than this one (by time, then id): the keyset cursor of the next page. */
  beforeId?: number;
}

/** The tenant's latest requests, newest first; only those of `kind` and `outcome` when given. */
export async function listRecentTokenRequests(
  db: Db,
  tenantId: string,
  filter: TokenRequestFilter,
) {
  const { kind, outcome, beforeId } = filter;
  return db
    .select({
      id: tokenRequests.id,
      createdAt: tokenRequests.createdAt,
      kind: tokenRequests.kind,
      source: tokenRequests.source,
      outcome: tokenRequests.outcome,
      status: tokenRequests.status,
      latencyMs: tokenRequests.latencyMs,
      pacedMs: tokenRequests.pacedMs,
      clientIp: tokenRequests.clientIp,
      callerId: tokenRequests.callerId,
      secretLabel: urlSecrets.label,
    })
    .from(tokenRequests)
    .leftJoin(urlSecrets, eq(urlSecrets.id, tokenRequests.secretId))
    .where(
      and(
        eq(tokenRequests.tenantId, tenantId),
        kind ? eq(tokenRequests.kind, kind) : undefined,
        outcome ? eq(tokenRequests.outcome, outcome) : undefined,
        // The cursor row's own timestamp, read in SQL: no precision lost on a round trip through JS.
        beforeId === undefined
          ? undefined
          : sql`(${tokenRequests.createdAt}, ${tokenRequests.id}) < (select tr.created_at, tr.id from token_requests tr where tr.id = ${beforeId})`,
      ),
    )
    .orderBy(desc(tokenRequests.createdAt), desc(tokenRequests.id))
    .limit(filter.limit);
}

/**
 * Deletes requests older than the cutoff, a batch at a time so no statement holds locks for long.
 * Returns how many rows went.
 */
export function deleteTokenRequestsBefore(
  db: Db,
  cutoff: Date,
  batchSize = DELETE_BATCH_SIZE,
  until = Infinity,
): Promise<number> {
  return deleteInBatches(
    async (limit) => {
      const oldest = db
        .select({ id: tokenRequests.id })
        .from(tokenRequests)
        .where(lt(tokenRequests.createdAt, cutoff))
        .limit(limit);
      const gone = await db
        .delete(tokenRequests)
        .where(inArray(tokenRequests.id, oldest))
        .returning({ id: tokenRequests.id });
      return gone.length;
    },
    batchSize,
    until,
  );
}
