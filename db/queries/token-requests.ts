import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../client";
import { tokenRequests, urlSecrets } from "../schema";

export type NewTokenRequest = typeof tokenRequests.$inferInsert;

export async function insertTokenRequest(db: Db, entry: NewTokenRequest) {
  await db.insert(tokenRequests).values(entry);
}

export type TokenRequestRow = Awaited<ReturnType<typeof listRecentTokenRequests>>[number];

/** The tenant's latest requests, newest first; only those of `kind` when given. */
export async function listRecentTokenRequests(db: Db, tenantId: string, limit = 50, kind?: string) {
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
      and(eq(tokenRequests.tenantId, tenantId), kind ? eq(tokenRequests.kind, kind) : undefined),
    )
    .orderBy(desc(tokenRequests.createdAt), desc(tokenRequests.id))
    .limit(limit);
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
