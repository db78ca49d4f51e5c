import { findConnection } from "@/db/queries/connections";
import { getConnectionOp } from "@/lib/api/v1/operations/connection";
import { v1Route } from "@/lib/api/v1/route";
import { refreshHealth } from "@/lib/vault/health";
import { presentZoomConnection } from "@/lib/views/zoom-connection";

export const GET = v1Route(getConnectionOp, async ({ db, tenant }) => {
  const found = await findConnection(db, tenant.id);
  const grant = found?.grant ?? null;
  return {
    ...presentZoomConnection(found),
    scopes: grant ? grant.scopes.split(/[\s,]+/).filter(Boolean) : [],
    health: grant ? refreshHealth(grant) : null,
  };
});
