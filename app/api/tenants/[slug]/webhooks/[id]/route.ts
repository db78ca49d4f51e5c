import { z } from "zod";
import { deleteWebhookEndpoint } from "@/db/queries/webhook-endpoints";
import { ApiError } from "@/lib/api/errors";
import { withTenant } from "@/lib/auth/tenant";

// DELETE /api/tenants/:slug/webhooks/:id – delete an endpoint and its deliveries (pending ones are
// never sent)
export const DELETE = withTenant<{ slug: string; id: string }>(
  "admin",
  async ({ params, tenant, db }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success || !(await deleteWebhookEndpoint(db, tenant.id, id.data)))
      throw new ApiError("not_found", "No webhook endpoint with this id");
    return Response.json({ id: id.data });
  },
);
