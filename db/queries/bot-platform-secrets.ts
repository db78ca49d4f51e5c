import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import {
  botPlatformSecrets,
  signedRequestIds,
  tenants,
  type BotPlatform,
  type BotPlatformSecret,
} from "../schema";

/** What the dashboard may see of a signing secret: never the secret. */
export type BotPlatformSecretRow = Pick<
  BotPlatformSecret,
  "id" | "platform" | "label" | "createdAt"
>;

const rowColumns = {
  id: botPlatformSecrets.id,
  platform: botPlatformSecrets.platform,
  label: botPlatformSecrets.label,
  createdAt: botPlatformSecrets.createdAt,
};

/** Stores a secret; `seal` encrypts it bound to the new row's id. */
export async function insertBotPlatformSecret(
  db: Db,
  input: { tenantId: string; platform: BotPlatform; label: string; createdByUserId: string },
  seal: (id: string) => string,
): Promise<BotPlatformSecretRow> {
  const id = crypto.randomUUID();
  const [row] = await db
    .insert(botPlatformSecrets)
    .values({ id, ...input, secretEnc: seal(id) })
    .returning(rowColumns);
  return row!;
}

export async function listLiveBotPlatformSecrets(
  db: Db,
  tenantId: string,
): Promise<BotPlatformSecretRow[]> {
  return db
    .select(rowColumns)
    .from(botPlatformSecrets)
    .where(and(eq(botPlatformSecrets.tenantId, tenantId), isNull(botPlatformSecrets.revokedAt)))
    .orderBy(asc(botPlatformSecrets.createdAt));
}

/** The sealed live secrets of one platform, to verify a request with. */
/** A tenant's unrevoked secrets of one platform. */
const isLive = (tenantId: string, platform: BotPlatform) =>
  and(
    eq(botPlatformSecrets.tenantId, tenantId),
    eq(botPlatformSecrets.platform, platform),
    isNull(botPlatformSecrets.revokedAt),
  );

export async function listLiveSealedSecrets(
  db: Db,
  tenantId: string,
  platform: BotPlatform,
): Promise<Pick<BotPlatformSecret, "id" | "secretEnc">[]> {
  return db
    .select({ id: botPlatformSecrets.id, secretEnc: botPlatformSecrets.secretEnc })
    .from(botPlatformSecrets)
    .where(isLive(tenantId, platform));
}

const requirementColumns = {
  requireRecallSignature: tenants.requireRecallSignature,
  requireAttendeeSignature: tenants.requireAttendeeSignature,
};

/** The tenant's require-signature switches. */
export async function findSignatureRequirements(db: Db, tenantId: string) {
  const [row] = await db.select(requirementColumns).from(tenants).where(eq(tenants.id, tenantId));
  return row;
}

/** The same, locked until the transaction ends: switching and revoking are serialised per tenant. */
export async function lockSignatureRequirements(tx: Tx, tenantId: string) {
  const [row] = await tx
    .select(requirementColumns)
    .from(tenants)
    .where(eq(tenants.id, tenantId))
    .for("update");
  return row;
}

export async function updateSignatureRequirements(
  tx: Tx,
  tenantId: string,
  values: { requireRecallSignature?: boolean; requireAttendeeSignature?: boolean },
) {
  await tx.update(tenants).set(values).where(eq(tenants.id, tenantId));
}

export async function countLiveSecrets(tx: Tx, tenantId: string, platform: BotPlatform) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(botPlatformSecrets)
    .where(isLive(tenantId, platform));
  return row?.n ?? 0;
}

/** The live secret with this id, for revocation; undefined when there is none. */
export async function findLiveSecret(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select(rowColumns)
    .from(botPlatformSecrets)
    .where(
      and(
        eq(botPlatformSecrets.id, id),
        eq(botPlatformSecrets.tenantId, tenantId),
        isNull(botPlatformSecrets.revokedAt),
      ),
    );
  return row;
}

export async function revokeBotPlatformSecret(tx: Tx, tenantId: string, id: string) {
  await tx
    .update(botPlatformSecrets)
    .set({ revokedAt: new Date() })
    .where(and(eq(botPlatformSecrets.id, id), eq(botPlatformSecrets.tenantId, tenantId)));
}

/** Remembers a signed message id; false when it was already there (a replay). */
export async function rememberSignedRequestId(
  db: Db,
  entry: { tenantId: string; platform: BotPlatform; messageId: string; expiresAt: Date },
): Promise<boolean> {
  const rows = await db
    .insert(signedRequestIds)
    .values(entry)
    .onConflictDoNothing()
    .returning({ messageId: signedRequestIds.messageId });
  return rows.length > 0;
}

/** Deletes the ids whose signature window has passed (a few minutes of requests): returns how many. */
export async function deleteExpiredSignedRequestIds(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(signedRequestIds)
    .where(lt(signedRequestIds.expiresAt, now))
    .returning({ messageId: signedRequestIds.messageId });
  return rows.length;
}
