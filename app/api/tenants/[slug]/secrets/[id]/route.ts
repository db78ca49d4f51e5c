import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { withTenant } from "@/lib/auth/tenant";
import { revokeTokenUrl } from "@/lib/zak/revoke-url-secret";

// DELETE /api/tenants/:slug/secrets/:id – revoke a ZAK URL; bots using it get 401 from now on
export const DELETE = withTenant<{ slug: string; id: string }>(
  "admin",
  async ({ params, tenant, db }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success || !(await revokeTokenUrl(db, tenant.id, id.data))) {
      throw new ApiError("not_found", "No active ZAK URL with this id");
    }
    return Response.json({ id: id.data });
  },
);
