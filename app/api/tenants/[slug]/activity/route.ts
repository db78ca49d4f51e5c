import { listRecentTokenRequests } from "@/db/queries/token-requests";
import { withTenant } from "@/lib/auth/tenant";
import { presentActivity } from "@/lib/views/activity";

// GET /api/tenants/:slug/activity – the last 50 token requests
export const GET = withTenant("member", async ({ tenant, db }) =>
  Response.json(presentActivity(await listRecentTokenRequests(db, tenant.id, 50)), {
    headers: { "cache-control": "no-store" },
  }),
);
