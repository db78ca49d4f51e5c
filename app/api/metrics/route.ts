import { ApiError } from "@/lib/api/errors";
import { route } from "@/lib/api/route";
import { getBroker } from "@/lib/broker";
import { collectGrantStatuses } from "@/lib/metrics/grants";
import { getMetrics } from "@/lib/metrics/registry";
import { scrapeAccess } from "@/lib/metrics/scrape-access";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus text. Off (404) unless METRICS_TOKEN is set; then that Bearer token.
export const GET = route(async (req) => {
  const broker = await getBroker();
  const access = scrapeAccess(broker.config.metricsToken, req.headers.get("authorization"));
  if (access === "disabled") throw new ApiError("not_found", "Not found");
  if (access === "denied") {
    return Response.json(
      { error: { code: "unauthorized", message: "A valid metrics token is required" } },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } },
    );
  }
  await collectGrantStatuses(broker.db);
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});
