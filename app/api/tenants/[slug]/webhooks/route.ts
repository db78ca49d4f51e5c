import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { getConfig } from "@/lib/config";
import { presentEndpoint, type CreatedWebhookEndpointView } from "@/lib/views/webhooks";
import { createWebhookEndpoint, newWebhookEndpointSchema } from "@/lib/webhooks/endpoints";
import { loadWebhooks } from "@/lib/webhooks/listing";

// GET /api/tenants/:slug/webhooks – the endpoints (never their secrets) with their recent
// deliveries, and whether owners are emailed when the connection breaks
export const GET = withTenant("admin", async ({ tenant, db }) =>
  Response.json(await loadWebhooks(db, tenant.id, getConfig().email !== null)),
);

// POST /api/tenants/:slug/webhooks – add an endpoint; its signing secret is in this answer only
export const POST = withTenant("admin", async ({ req, tenant, user, db }) => {
  const input = await readJson(req, newWebhookEndpointSchema);
  const config = getConfig();
  const { endpoint, secret } = await createWebhookEndpoint(
    { db, keyring: config.keyring, policy: config.webhooks },
    { ...input, tenantId: tenant.id, userId: user.id },
  );
  const view: CreatedWebhookEndpointView = { ...presentEndpoint(endpoint), secret };
  return Response.json(view, { status: 201 });
});
