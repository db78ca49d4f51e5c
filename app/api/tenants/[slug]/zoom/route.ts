import { findConnection } from "@/db/queries/connections";
import { withTenant } from "@/lib/auth/tenant";
import { getBroker } from "@/lib/broker";
import { disconnectTenant } from "@/lib/vault/grants";
import { presentZoomConnection } from "@/lib/views/zoom-connection";

// GET /api/tenants/:slug/zoom – connection status and the Zoom user bots join as
export const GET = withTenant("member", async ({ tenant, db }) =>
  Response.json(presentZoomConnection(await findConnection(db, tenant.id)), {
    headers: { "cache-control": "no-store" },
  }),
);

// DELETE /api/tenants/:slug/zoom – disconnect; revokes at Zoom when no other tenant uses the grant
export const DELETE = withTenant("admin", async ({ tenant }) => {
  await disconnectTenant(await getBroker(), tenant.id);
  return Response.json({ status: "not_connected" });
});
