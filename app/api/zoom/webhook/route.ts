import { z } from "zod";
import { ApiError, describeZodError } from "@/lib/api/errors";
import { parseJsonText } from "@/lib/api/request";
import { route } from "@/lib/api/route";
import { getBroker } from "@/lib/broker";
import { applyDeauthorization } from "@/lib/vault/grants";
import {
  HANDLED_WEBHOOK_EVENTS,
  urlValidationAnswer,
  verifyZoomSignature,
  webhookEventSchema,
} from "@/lib/zoom/webhook";

const MAX_BODY_BYTES = 64 * 1024;

// POST /api/zoom/webhook – Zoom's signed events: URL validation and app_deauthorized.
// 4xx answers are final for Zoom (no retry); a 5xx makes Zoom retry later.
export const POST = route(async (req) => {
  const broker = await getBroker();
  const raw = await req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES)
    throw new ApiError("payload_too_large", "Body is too large");
  const verdict = verifyZoomSignature(
    broker.config.zoom.webhookSecretToken,
    {
      signature: req.headers.get("x-zm-signature"),
      timestamp: req.headers.get("x-zm-request-timestamp"),
    },
    raw,
  );
  if (verdict !== "ok")
    throw new ApiError("unauthorized", `Webhook refused: ${verdict.replace("_", " ")}`);

  const json = parseJsonText(raw);
  const eventName = z.object({ event: z.string() }).safeParse(json);
  if (eventName.success && !HANDLED_WEBHOOK_EVENTS.has(eventName.data.event))
    return Response.json({ ignored: eventName.data.event });
  const parsed = webhookEventSchema.safeParse(json);
  if (!parsed.success) throw new ApiError("bad_request", describeZodError(parsed.error));

  const event = parsed.data;
  if (event.event === "endpoint.url_validation") {
    return Response.json(
      urlValidationAnswer(broker.config.zoom.webhookSecretToken, event.payload.plainToken),
    );
  }
  if (event.payload.client_id && event.payload.client_id !== broker.config.zoom.clientId) {
    return Response.json({ ignored: "another app" });
  }
  const applied = await applyDeauthorization(
    broker,
    event.payload.user_id,
    new Date(event.payload.deauthorization_time),
  );
  return Response.json({ applied });
});
