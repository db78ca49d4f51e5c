import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { apiKeys, type ApiKey } from "../schema";

export async function insertApiKey(
  db: Db,
  input: {
    name: string;
    prefix: string;
    keyHash: string;
    createdByUserId: string;
    tenantIds: string[] | null;
  },
) {
  const [row] = await db.insert(apiKeys).values(input).returning();
  return row!;
}

/** What its creator may see of a key: never its hash. */
export type ApiKeyRow = Omit<ApiKey, "keyHash" | "createdByUserId">;

const listedColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  tenantIds: apiKeys.tenantIds,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** The user's live keys, newest first. */
export async function listActiveApiKeys(db: Db, userId: string): Promise<ApiKeyRow[]> {
  return db
    .select(listedColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.createdByUserId, userId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

/** Revokes one of the user's keys; false when it is not theirs or already revoked. */
export async function revokeApiKey(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.createdByUserId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** The live key with this hash: who it acts for and on which tenants. */
export async function findActiveApiKey(db: Db, keyHash: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      keyHash: apiKeys.keyHash,
      userId: apiKeys.createdByUserId,
      tenantIds: apiKeys.tenantIds,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row;
}

/** At most one write a minute per key: a busy client does not queue on the same row. */
export async function touchApiKey(db: Db, id: string) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}
