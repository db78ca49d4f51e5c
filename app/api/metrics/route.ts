import { refuseWithoutBearer } from "@/lib/api/bearer";
import { route } from "@/lib/api/route";
import { getBroker } from "@/lib/broker";
import { collectGrantStatuses } from "@/lib/metrics/grants";
import { getMetrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus text. Off (404) unless METRICS_TOKEN is set; then that Bearer token.
export const GET = route(async (req) => {
  const broker = await getBroker();
  const refused = refuseWithoutBearer(broker.config.metricsToken, req, "metrics");
  if (refused) return refused;
  await collectGrantStatuses(broker.db);
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
