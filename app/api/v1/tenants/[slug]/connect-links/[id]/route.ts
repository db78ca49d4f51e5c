import { revokeConnectLinkOp } from "@/lib/api/v1/operations/connect-links";
import { v1Route } from "@/lib/api/v1/route";
import { revokeLink } from "@/lib/connect-links/links";

export const DELETE = v1Route(revokeConnectLinkOp, async ({ db, tenant, params }) => {
  await revokeLink(db, tenant.id, params.id);
  return { id: params.id, revoked: true };
});
