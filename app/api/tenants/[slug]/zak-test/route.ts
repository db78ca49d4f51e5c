import { clientIp } from "@/lib/api/client-ip";
import { withTenant } from "@/lib/auth/tenant";
import { getBroker } from "@/lib/broker";
import { testMintZak } from "@/lib/zak/test-mint";

// POST /api/tenants/:slug/zak-test – mint a ZAK the way the bot route does and report how it went.
// The token itself never leaves the server. Owners and admins only: members see status and activity.
export const POST = withTenant("admin", async ({ req, tenant }) =>
  Response.json(
    await testMintZak(await getBroker(), { tenantId: tenant.id, clientIp: clientIp(req) }),
    { headers: { "cache-control": "no-store" } },
  ),
);
