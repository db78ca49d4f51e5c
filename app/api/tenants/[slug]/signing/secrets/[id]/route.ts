import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { withTenant } from "@/lib/auth/tenant";
import { revokeSigningSecret } from "@/lib/signatures/settings";

// DELETE /api/tenants/:slug/signing/secrets/:id – revoke a signing secret; requests signed with it
// are refused from now on
export const DELETE = withTenant<{ slug: string; id: string }>(
  "admin",
  async ({ params, tenant, db }) => {
    const id = z.uuid().safeParse(params.id);
    if (!id.success) throw new ApiError("not_found", "No live signing secret with this id");
    return Response.json(await revokeSigningSecret(db, tenant.id, id.data));
  },
);
