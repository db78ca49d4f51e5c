import { listRecentTokenRequests } from "@/db/queries/token-requests";
import { withTenant } from "@/lib/auth/tenant";

// GET /api/tenants/:slug/activity – the last 50 token requests
export const GET = withTenant("member", async ({ tenant, db }) =>
  Response.json(
    { requests: await listRecentTokenRequests(db, tenant.id, 50) },
    { headers: { "cache-control": "no-store" } },
  ),
);
