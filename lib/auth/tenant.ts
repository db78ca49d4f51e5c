import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { TenantWithRole } from "@/db/queries/tenants";
import type { Role } from "@/db/schema";
import { route } from "@/lib/api/route";
import { tenantForUser } from "./tenant-access";
import { requireSessionUser, type SessionUser } from "./session";

export interface TenantContext<P> {
  req: Request;
  params: P;
  tenant: TenantWithRole;
  user: SessionUser;
  db: Db;
}

/** Loads the tenant for the signed-in member. Non-members get the same 404 as a missing tenant. */
export async function requireTenant(slug: string, needed: Role = "member") {
  const user = await requireSessionUser();
  const db = await getDb();
  return { user, tenant: await tenantForUser(db, user.id, slug, needed), db };
}

/** A route handler for `/api/tenants/[slug]/...`: session, membership and role are checked here. */
export function withTenant<P extends { slug: string }>(
  needed: Role,
  fn: (ctx: TenantContext<P>) => Promise<Response>,
) {
  return route<P>(async (req, params) =>
    fn({ req, params, ...(await requireTenant(params.slug, needed)) }),
  );
}
