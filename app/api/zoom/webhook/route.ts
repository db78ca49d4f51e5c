import { route } from "@/lib/api/route";
import { getBroker } from "@/lib/broker";
import { handleZoomWebhook } from "@/lib/connect/zoom-webhook";

// POST /api/zoom/webhook – Zoom's signed events: URL validation and app_deauthorized.
// 4xx answers are final for Zoom (no retry); a 5xx makes Zoom retry later.
export const POST = route(async (req) => {
  const broker = await getBroker();
  return Response.json(await handleZoomWebhook(broker, broker.config.zoom, req));
});
