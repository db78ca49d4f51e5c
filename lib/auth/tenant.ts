import "server-only";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { findTenantForMember, type TenantWithRole } from "@/db/queries/tenants";
import type { Role } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { slugSchema } from "@/lib/tenants/slug";
import { hasRole } from "./tenant-roles";
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
  const parsed = slugSchema.safeParse(slug);
  const db = await getDb();
  const tenant = parsed.success ? await findTenantForMember(db, parsed.data, user.id) : undefined;
  if (!tenant) throw new ApiError("not_found", "Tenant not found");
  if (!hasRole(tenant.role, needed)) {
    throw new ApiError(
      "forbidden",
      needed === "owner" ? "Only owners can do this" : "Only owners and admins can do this",
    );
  }
  return { user, tenant, db };
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
