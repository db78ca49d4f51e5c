import { withTenant } from "@/lib/auth/tenant";
import { getBroker } from "@/lib/broker";
import { redirectToZoomConsent } from "@/lib/connect/start-connect";

// POST /api/tenants/:slug/zoom/connect – start Zoom OAuth (state + PKCE); 303 to Zoom's consent page
export const POST = withTenant("admin", async ({ tenant, user }) =>
  redirectToZoomConsent(await getBroker(), {
    tenantId: tenant.id,
    slug: tenant.slug,
    userId: user.id,
  }),
);
