import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { tokenRequests, urlSecrets, type TokenRequest } from "../schema";

export type NewTokenRequest = Omit<TokenRequest, "id" | "createdAt">;

export async function insertTokenRequest(db: Db, entry: NewTokenRequest) {
  await db.insert(tokenRequests).values(entry);
}

export async function listRecentTokenRequests(db: Db, tenantId: string, limit = 50) {
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
      secretLabel: urlSecrets.label,
    })
    .from(tokenRequests)
    .leftJoin(urlSecrets, eq(urlSecrets.id, tokenRequests.secretId))
    .where(eq(tokenRequests.tenantId, tenantId))
    .orderBy(desc(tokenRequests.createdAt), desc(tokenRequests.id))
    .limit(limit);
}
