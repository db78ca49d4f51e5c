import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "../client";
import {
  tenants,
  urlSecrets,
  zoomAccountPacing,
  zoomConnections,
  zoomGrants,
  type UrlSecret,
} from "../schema";

export async function insertUrlSecret(
  db: Db,
  input: {
    tenantId: string;
    label: string;
    prefix: string;
    secretHash: string;
    /** Default ZAK only (the column's default). */
    kinds?: string[];
    createdByUserId: string;
  },
) {
  const [row] = await db.insert(urlSecrets).values(input).returning();
  return row!;
}

/** What the dashboard may see of a secret: never its hash. */
export type UrlSecretRow = Pick<
  UrlSecret,
  "id" | "label" | "prefix" | "kinds" | "createdAt" | "lastUsedAt"
>;

export async function listActiveUrlSecrets(db: Db, tenantId: string): Promise<UrlSecretRow[]> {
  return db
    .select({
      id: urlSecrets.id,
      label: urlSecrets.label,
      prefix: urlSecrets.prefix,
      kinds: urlSecrets.kinds,
      createdAt: urlSecrets.createdAt,
      lastUsedAt: urlSecrets.lastUsedAt,
    })
    .from(urlSecrets)
    .where(and(eq(urlSecrets.tenantId, tenantId), isNull(urlSecrets.revokedAt)))
    .orderBy(desc(urlSecrets.createdAt));
}

/** Revokes an active secret of the tenant; returns what may be shown of it, or undefined. */
export async function revokeUrlSecret(db: Db | Tx, tenantId: string, id: string) {
  const [row] = await db
    .update(urlSecrets)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(urlSecrets.id, id), eq(urlSecrets.tenantId, tenantId), isNull(urlSecrets.revokedAt)),
    )
    .returning({ id: urlSecrets.id, label: urlSecrets.label, prefix: urlSecrets.prefix });
  return row;
}

/**
 * The token route's one read: an active secret with the kinds it may fetch, its tenant, and the
 * tenant's connection and grant.
 */
export async function findTokenAccess(db: Db, secretHash: string) {
  const [row] = await db
    .select({
      secretId: urlSecrets.id,
      secretHash: urlSecrets.secretHash,
      kinds: urlSecrets.kinds,
      tenantId: tenants.id,
      slug: tenants.slug,
      requireRecallSignature: tenants.requireRecallSignature,
      requireAttendeeSignature: tenants.requireAttendeeSignature,
      connection: zoomConnections,
      grant: zoomGrants,
      // Brought along so pacing Zoom calls costs the bot path no read of its own.
      learnedZoomLimit: zoomAccountPacing.perSecond,
    })
    .from(urlSecrets)
    .innerJoin(tenants, eq(tenants.id, urlSecrets.tenantId))
    .leftJoin(zoomConnections, eq(zoomConnections.tenantId, tenants.id))
    .leftJoin(zoomGrants, eq(zoomGrants.id, zoomConnections.grantId))
    .leftJoin(zoomAccountPacing, eq(zoomAccountPacing.zoomAccountId, zoomGrants.zoomAccountId))
    .where(and(eq(urlSecrets.secretHash, secretHash), isNull(urlSecrets.revokedAt)))
    .limit(1);
  return row;
}
