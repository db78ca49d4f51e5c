import { and, asc, eq, gt, inArray } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { memberships, tenants, users, type Role, type Tenant } from "../schema";

export type TenantWithRole = Tenant & { role: Role };

/** Creates the tenant and its owner membership together; null when the slug is taken. */
export async function insertTenantWithOwner(
  db: Db,
  input: { slug: string; name: string; ownerId: string },
): Promise<TenantWithRole | null> {
  return db.transaction(async (tx) => {
    const [tenant] = await tx
      .insert(tenants)
      .values({ slug: input.slug, name: input.name })
      .onConflictDoNothing({ target: tenants.slug })
      .returning();
    if (!tenant) return null;
    await tx
      .insert(memberships)
      .values({ tenantId: tenant.id, userId: input.ownerId, role: "owner" });
    return { ...tenant, role: "owner" as const };
  });
}

export async function listTenantsForUser(db: Db, userId: string): Promise<TenantWithRole[]> {
  const rows = await db
    .select({ tenant: tenants, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(tenants.name));
  return rows.map((r) => ({ ...r.tenant, role: r.role }));
}

/** The tenant as seen by one user: undefined both when it does not exist and when they are not a member. */
export async function findTenantForMember(
  db: Db,
  slug: string,
  userId: string,
): Promise<TenantWithRole | undefined> {
  const [row] = await db
    .select({ tenant: tenants, role: memberships.role })
    .from(tenants)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, tenants.id), eq(memberships.userId, userId)),
    )
    .where(eq(tenants.slug, slug))
    .limit(1);
  return row ? { ...row.tenant, role: row.role } : undefined;
}

export interface MemberRow {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  since: Date;
}

const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  role: memberships.role,
  since: memberships.createdAt,
};

export async function listMembers(db: Db, tenantId: string): Promise<MemberRow[]> {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(memberships.createdAt));
}

export async function findMember(
  db: Db | Tx,
  tenantId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

/**
 * Locks the tenant's owner memberships until the transaction ends and returns their user ids.
 * A concurrent demotion or removal of an owner waits here, then sees the owners that are left.
 */
export async function lockOwnerIds(tx: Tx, tenantId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "owner")))
    .orderBy(asc(memberships.userId))
    .for("update");
  return rows.map((r) => r.userId);
}

/** Adds a member, or changes the role of an existing one. */
export async function upsertMembership(
  db: Db | Tx,
  input: { tenantId: string; userId: string; role: Role },
) {
  await db
    .insert(memberships)
    .values(input)
    .onConflictDoUpdate({
      target: [memberships.tenantId, memberships.userId],
      set: { role: input.role },
    });
}

export async function deleteMembership(
  db: Db | Tx,
  tenantId: string,
  userId: string,
): Promise<boolean> {
  const removed = await db
    .delete(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return removed.length > 0;
}

export async function findTenantIdBySlug(db: Db, slug: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.slug, slug))
    .limit(1);
  return row?.id;
}

/** Deletes the tenant; its memberships, URL secrets, connection and activity go with it (cascade). */
export async function deleteTenantRow(db: Db, tenantId: string): Promise<void> {
  await db.delete(tenants).where(eq(tenants.id, tenantId));
}

/**
 * One page of the user's tenants by slug, after the slug `after`, only those in `tenantIds` when
 * given. Slugs are unique and fixed, so the page boundary is stable.
 */
export async function listTenantsForUserPage(
  db: Db,
  userId: string,
  page: { after: string | null; limit: number; tenantIds: string[] | null },
): Promise<TenantWithRole[]> {
  const rows = await db
    .select({ tenant: tenants, role: memberships.role })
    .from(memberships)
    .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
    .where(
      and(
        eq(memberships.userId, userId),
        page.after === null ? undefined : gt(tenants.slug, page.after),
        page.tenantIds === null ? undefined : inArray(tenants.id, page.tenantIds),
      ),
    )
    .orderBy(asc(tenants.slug))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.tenant, role: r.role }));
}
