import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { withTenant } from "@/lib/auth/tenant";
import { revokeLink } from "@/lib/connect-links/links";

// DELETE /api/tenants/:slug/connect-links/:id – revoke an unused link; opening it says so from now on
export const DELETE = withTenant<{ slug: string; id: string }>(
  "admin",
  async ({ params, tenant, db }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw new ApiError("not_found", "No open connect link with this id");
    await revokeLink(db, tenant.id, id.data);
    return Response.json({ id: id.data });
  },
);
