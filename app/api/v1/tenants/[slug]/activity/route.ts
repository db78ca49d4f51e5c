import { listRecentTokenRequests } from "@/db/queries/token-requests";
import { listActivityOp } from "@/lib/api/v1/operations/activity";
import { v1Route } from "@/lib/api/v1/route";
import { presentActivity } from "@/lib/views/activity";

export const GET = v1Route(listActivityOp, async ({ db, tenant, query }) => {
  const rows = await listRecentTokenRequests(db, tenant.id, {
    limit: query.limit + 1,
    kind: query.kind,
    outcome: query.outcome,
    beforeId: query.cursor,
  });
  const page = rows.slice(0, query.limit);
  return {
    ...presentActivity(page),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
});
