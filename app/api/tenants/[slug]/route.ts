import { withTenant } from "@/lib/auth/tenant";
import { presentTenant } from "@/lib/views/tenants";

// GET /api/tenants/:slug – the tenant as the signed-in member sees it
export const GET = withTenant("member", ({ tenant }) =>
  Promise.resolve(Response.json(presentTenant(tenant))),
);
