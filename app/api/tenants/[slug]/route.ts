import { withTenant } from "@/lib/auth/tenant";

// GET /api/tenants/:slug – the tenant as the signed-in member sees it
export const GET = withTenant("member", async ({ tenant }) =>
  Response.json({
    slug: tenant.slug,
    name: tenant.name,
    role: tenant.role,
    createdAt: tenant.createdAt,
  }),
);
