import { z } from "zod";
import { requeueWebhookDelivery } from "@/db/queries/outbox";
import { ApiError } from "@/lib/api/errors";
import { withTenant } from "@/lib/auth/tenant";

// POST /api/tenants/:slug/webhooks/deliveries/:id/resend – send that delivery's event to its
// endpoint again, as a new delivery with the same webhook-id (receivers drop duplicates by it)
export const POST = withTenant<{ slug: string; id: string }>(
  "admin",
  async ({ params, tenant, db }) => {
    const id = z.uuid().safeParse(params.id);
    const queued = id.success ? await requeueWebhookDelivery(db, tenant.id, id.data) : undefined;
    if (!queued) throw new ApiError("not_found", "No webhook delivery with this id");
    return Response.json({ id: queued }, { status: 201 });
  },
);
