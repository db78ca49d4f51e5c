import { z } from "zod";
import { revokeUrlSecret } from "@/db/queries/url-secrets";
import { ApiError } from "@/lib/api/errors";
import { withTenant } from "@/lib/auth/tenant";

// DELETE /api/tenants/:slug/secrets/:id – revoke a ZAK URL; bots using it get 401 from now on
export const DELETE = withTenant<{ slug: string; id: string }>(
  "admin",
  async ({ params, tenant, db }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success || !(await revokeUrlSecret(db, tenant.id, id.data))) {
      throw new ApiError("not_found", "No active ZAK URL with this id");
    }
    return Response.json({ id: id.data });
  },
);
