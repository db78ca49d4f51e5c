import type { TenantWithRole } from "@/db/queries/tenants";
import type { Role } from "@/db/schema";

/** A tenant as its member sees it: `GET /api/tenants/:slug`, and each entry of the tenant list. */
export interface TenantView {
  slug: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** `GET /api/tenants`: the signed-in user's tenants. */
export interface TenantListView {
  tenants: TenantView[];
}

export function presentTenant(tenant: TenantWithRole): TenantView {
  return {
    slug: tenant.slug,
    name: tenant.name,
    role: tenant.role,
    createdAt: tenant.createdAt.toISOString(),
  };
}

export function presentTenantList(tenants: TenantWithRole[]): TenantListView {
  return { tenants: tenants.map(presentTenant) };
}
