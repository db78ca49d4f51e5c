import { ApiError } from "@/lib/api/errors";
import { revokeUrlSecretOp } from "@/lib/api/v1/operations/url-secrets";
import { v1Route } from "@/lib/api/v1/route";
import { revokeTokenUrl } from "@/lib/zak/revoke-url-secret";

export const DELETE = v1Route(revokeUrlSecretOp, async ({ db, tenant, params }) => {
  if (!(await revokeTokenUrl(db, tenant.id, params.id))) {
    throw new ApiError("not_found", "No live URL secret with this id");
  }
  return { id: params.id, revoked: true };
});
