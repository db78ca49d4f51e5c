import { z } from "zod";
import { findConnection, setZoomRateLimit } from "@/db/queries/connections";
import { ApiError } from "@/lib/api/errors";
import { readJson } from "@/lib/api/request";
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

const patchSchema = z.strictObject({
  // Zoom's Light limit per second: 4 Free, 30 Pro, 80 Business, or a custom one; null learns it.
  zoomRateLimit: z.number().int().min(1).max(1000).nullable(),
});

// PATCH /api/tenants/:slug/zoom – the Zoom account's rate limit that bot calls are paced below
export const PATCH = withTenant("admin", async ({ req, tenant, db }) => {
  const { zoomRateLimit } = await readJson(req, patchSchema);
  if (!(await setZoomRateLimit(db, tenant.id, zoomRateLimit)))
    throw new ApiError("not_found", "This tenant has no Zoom connection");
  return Response.json(presentZoomConnection(await findConnection(db, tenant.id)));
});
