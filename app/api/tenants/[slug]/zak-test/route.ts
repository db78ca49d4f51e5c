import { findConnection } from "@/db/queries/connections";
import { clientIp } from "@/lib/api/client-ip";
import { withTenant } from "@/lib/auth/tenant";
import { getBroker } from "@/lib/broker";
import { mintToken } from "@/lib/zak/mint";
import { audit } from "@/lib/zak/serve";
import { tokenExpiry } from "@/lib/zak/token-expiry";

// POST /api/tenants/:slug/zak-test – mint a ZAK the way the bot route does and report how it went.
// The token itself never leaves the server. Owners and admins only: members see status and activity.
export const POST = withTenant("admin", async ({ req, tenant }) => {
  const started = performance.now();
  const broker = await getBroker();
  const found = await findConnection(broker.db, tenant.id);
  const result = await mintToken(broker, "zak", found?.connection ?? null, found?.grant ?? null);
  await audit(
    broker,
    { kind: "zak", source: "dashboard", clientIp: clientIp(req) },
    { tenantId: tenant.id, secretId: null },
    result,
    started,
  );
  const ok = result.status === 200;
  return Response.json(
    {
      ok,
      status: result.status,
      outcome: result.outcome,
      message: ok ? "A fresh ZAK was minted" : result.body,
      latencyMs: Math.round(performance.now() - started),
      expiresAt: ok ? tokenExpiry(result.body) : null,
    },
    { headers: { "cache-control": "no-store" } },
  );
});
