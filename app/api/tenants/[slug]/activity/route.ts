import { z } from "zod";
import { listRecentTokenRequests } from "@/db/queries/token-requests";
import { withTenant } from "@/lib/auth/tenant";
import { presentActivity } from "@/lib/views/activity";
import { TOKEN_KINDS } from "@/lib/zak/kinds";

const querySchema = z.object({ kind: z.enum(TOKEN_KINDS).optional() });

// GET /api/tenants/:slug/activity[?kind=] – the last 50 token requests, of one kind when asked
export const GET = withTenant("member", async ({ req, tenant, db }) => {
  const { kind } = querySchema.parse({
    kind: new URL(req.url).searchParams.get("kind") ?? undefined,
  });
  return Response.json(
    presentActivity(await listRecentTokenRequests(db, tenant.id, { limit: 50, kind })),
    {
      headers: { "cache-control": "no-store" },
    },
  );
});
