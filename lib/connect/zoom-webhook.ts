import { z } from "zod";
import { ApiError, describeZodError } from "@/lib/api/errors";
import { parseJsonText, readText } from "@/lib/api/request";
import type { ZoomConfig } from "@/lib/config";
import { applyDeauthorization } from "@/lib/vault/grants";
import type { Vault } from "@/lib/vault/types";
import {
  HANDLED_WEBHOOK_EVENTS,
  urlValidationAnswer,
  verifyZoomSignature,
  webhookEventSchema,
} from "@/lib/zoom/webhook";

const MAX_BODY_BYTES = 64 * 1024;

export type WebhookAnswer =
  ReturnType<typeof urlValidationAnswer> | { ignored: string } | { applied: boolean };

/**
 * Handles one of Zoom's signed event posts: answers URL validation, applies app_deauthorized, and
 * acknowledges other events and other apps' deauthorizations. Refusals throw 4xx ApiErrors, which
 * Zoom treats as final; any other failure becomes a 5xx, which Zoom retries later.
 */
export async function handleZoomWebhook(
  vault: Vault,
  zoom: Pick<ZoomConfig, "clientId" | "webhookSecretToken">,
  req: Request,
): Promise<WebhookAnswer> {
  const raw = await readText(req, MAX_BODY_BYTES);
  const verdict = verifyZoomSignature(
    zoom.webhookSecretToken,
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
    return { ignored: eventName.data.event };
  const parsed = webhookEventSchema.safeParse(json);
  if (!parsed.success) throw new ApiError("bad_request", describeZodError(parsed.error));

  const event = parsed.data;
  if (event.event === "endpoint.url_validation")
    return urlValidationAnswer(zoom.webhookSecretToken, event.payload.plainToken);
  if (event.payload.client_id && event.payload.client_id !== zoom.clientId)
    return { ignored: "another app" };
  const applied = await applyDeauthorization(
    vault,
    event.payload.user_id,
    new Date(event.payload.deauthorization_time),
  );
  return { applied };
}
