import { deleteWebhookEndpoint } from "@/db/queries/webhook-endpoints";
import { ApiError } from "@/lib/api/errors";
import { deleteWebhookEndpointOp } from "@/lib/api/v1/operations/webhooks";
import { v1Route } from "@/lib/api/v1/route";

export const DELETE = v1Route(deleteWebhookEndpointOp, async ({ db, tenant, params }) => {
  if (!(await deleteWebhookEndpoint(db, tenant.id, params.id)))
    throw new ApiError("not_found", "No webhook endpoint with this id");
  return { id: params.id };
});
