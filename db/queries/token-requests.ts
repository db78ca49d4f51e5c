import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { tokenRequests, urlSecrets } from "../schema";

export type NewTokenRequest = typeof tokenRequests.$inferInsert;

export async function insertTokenRequest(db: Db, entry: NewTokenRequest) {
  await db.insert(tokenRequests).values(entry);
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
export async function deleteTokenRequestsBefore(
  db: Db,
  cutoff: Date,
  batchSize = 5000,
  until = Infinity,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const oldest = db
      .select({ id: tokenRequests.id })
      .from(tokenRequests)
      .where(lt(tokenRequests.createdAt, cutoff))
      .limit(batchSize);
    const gone = await db
      .delete(tokenRequests)
      .where(inArray(tokenRequests.id, oldest))
      .returning({ id: tokenRequests.id });
    deleted += gone.length;
    if (gone.length < batchSize || Date.now() >= until) return deleted;
  }
}
