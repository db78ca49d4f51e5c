import { refuseWithoutBearer } from "@/lib/api/bearer";
import { route } from "@/lib/api/route";
import { getBroker } from "@/lib/broker";
import { getConfig } from "@/lib/config";
import { runMaintenance } from "@/lib/maintenance";

export const dynamic = "force-dynamic";

// One call does at most this much work (a refresh already under way finishes); the next call resumes.
// Fits the 10 s default limit of serverless functions.
const BUDGET_MS = 8_000;

// POST /api/cron/maintenance – one bounded round of maintenance (idle refreshes, audit retention,
// due webhooks and emails) for hosts with no long-lived process. `Authorization: Bearer CRON_SECRET`;
// off (404) without CRON_SECRET. GET does the same, because Vercel Cron calls its routes with GET.
async function handler(req: Request): Promise<Response> {
  const refused = refuseWithoutBearer(getConfig().cronSecret, req, "cron");
  if (refused) return refused;
  const report = await runMaintenance(await getBroker(), BUDGET_MS);
  return Response.json(report, { headers: { "cache-control": "no-store" } });
}

export const GET = route(handler);
export const POST = route(handler);
