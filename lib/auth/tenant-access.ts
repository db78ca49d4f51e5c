import type { Db } from "@/db/client";
import { findTenantForMember, type TenantWithRole } from "@/db/queries/tenants";
import type { Role } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { slugSchema } from "@/lib/tenants/slug";
import { hasRole } from "./tenant-roles";

/**
 * The tenant as `userId` may use it, read live from their membership: 404 when it does not exist,
 * they are not a member or `visible` hides it (the same answer, so tenants cannot be discovered),
 * 403 when their role is below `needed`. Used for sessions and API keys alike.
 */
export async function tenantForUser(
  db: Db,
  userId: string,
  slug: string,
  needed: Role,
  visible: (tenant: TenantWithRole) => boolean = () => true,
): Promise<TenantWithRole> {
  const parsed = slugSchema.safeParse(slug);
  const tenant = parsed.success ? await findTenantForMember(db, parsed.data, userId) : undefined;
  if (!tenant || !visible(tenant)) throw new ApiError("not_found", "Tenant not found");
  if (!hasRole(tenant.role, needed)) {
    throw new ApiError(
      "forbidden",
      needed === "owner" ? "Only owners can do this" : "Only owners and admins can do this",
    );
  }
  return tenant;
}
