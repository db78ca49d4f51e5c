import { and, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../client";
import { idempotentRequests } from "../schema";

/**
 * Claims `(apiKeyId, idempotencyKey)` for a new request: the new row's id, or null when a request with
 * this key already exists (the unique index decides between concurrent duplicates). An expired claim
 * is taken over.
 */
export async function claimIdempotencyKey(
  db: Db,
  input: { apiKeyId: string; idempotencyKey: string; fingerprint: string; expiresAt: Date },
): Promise<string | null> {
  await db
    .delete(idempotentRequests)
    .where(
      and(
        eq(idempotentRequests.apiKeyId, input.apiKeyId),
        eq(idempotentRequests.idempotencyKey, input.idempotencyKey),
        lt(idempotentRequests.expiresAt, new Date()),
      ),
    );
  const [row] = await db
    .insert(idempotentRequests)
    .values(input)
    .onConflictDoNothing({
      target: [idempotentRequests.apiKeyId, idempotentRequests.idempotencyKey],
    })
    .returning({ id: idempotentRequests.id });
  return row?.id ?? null;
}

export async function findIdempotentRequest(db: Db, apiKeyId: string, idempotencyKey: string) {
  const [row] = await db
    .select({
      id: idempotentRequests.id,
      fingerprint: idempotentRequests.fingerprint,
      status: idempotentRequests.status,
      responseEnc: idempotentRequests.responseEnc,
    })
    .from(idempotentRequests)
    .where(
      and(
        eq(idempotentRequests.apiKeyId, apiKeyId),
        eq(idempotentRequests.idempotencyKey, idempotencyKey),
      ),
    )
    .limit(1);
  return row;
}

/** Stores the answer of a claimed request (sealed by the caller). */
export async function completeIdempotentRequest(
  db: Db,
  id: string,
  answer: { status: number; responseEnc: string },
) {
  await db
    .update(idempotentRequests)
    .set(answer)
    .where(and(eq(idempotentRequests.id, id), isNull(idempotentRequests.responseEnc)));
}

/** Frees a claim whose request failed on the server's side, so the client may retry it. */
export async function releaseIdempotencyClaim(db: Db, id: string) {
  await db
    .delete(idempotentRequests)
    .where(and(eq(idempotentRequests.id, id), isNull(idempotentRequests.responseEnc)));
}

/** Maintenance: forgets answers past their retention. Returns how many went. */
export async function deleteExpiredIdempotentRequests(db: Db): Promise<number> {
  const gone = await db
    .delete(idempotentRequests)
    .where(lt(idempotentRequests.expiresAt, new Date()))
    .returning({ id: idempotentRequests.id });
  return gone.length;
}
