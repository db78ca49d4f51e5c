import { createWebhookEndpointOp, listWebhookEndpointsOp } from "@/lib/api/v1/operations/webhooks";
import { v1Route } from "@/lib/api/v1/route";
import { getConfig } from "@/lib/config";
import { presentEndpoint } from "@/lib/views/webhooks";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { loadWebhooks } from "@/lib/webhooks/listing";

export const GET = v1Route(listWebhookEndpointsOp, ({ db, tenant }) =>
  loadWebhooks(db, tenant.id, getConfig().email !== null),
);

export const POST = v1Route(createWebhookEndpointOp, async ({ db, tenant, principal, body }) => {
  const config = getConfig();
  const { endpoint, secret } = await createWebhookEndpoint(
    { db, keyring: config.keyring, policy: config.webhooks },
    { ...body, tenantId: tenant.id, userId: principal.userId },
  );
  return { ...presentEndpoint(endpoint), secret };
});
