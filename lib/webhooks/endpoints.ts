import { z } from "zod";
import type { Db } from "@/db/client";
import { insertWebhookEndpoint, listWebhookEndpoints } from "@/db/queries/webhook-endpoints";
import { ApiError } from "@/lib/api/errors";
import type { Keyring } from "@/lib/crypto/keyring";
import { EVENT_TYPES, eventTypeSchema } from "@/lib/events/types";
import { BlockedDestinationError, checkDestination, type DestinationPolicy } from "./destination";
import { generateEndpointSecret, sealEndpointSecret } from "./signing";

/** A tenant has at most this many endpoints: each event is sent to every one of them. */
export const MAX_ENDPOINTS_PER_TENANT = 10;

/** `POST …/webhooks`: where to send, and which events (default: all of them). */
export const newWebhookEndpointSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .trim()
    .max(2000, "must be at most 2000 characters")
    .meta({ description: "https, resolving to public addresses only" }),
  events: z
    .array(eventTypeSchema)
    .min(1, "pick at least one event")
    .default([...EVENT_TYPES])
    .meta({ description: "The events to send (default: all of them)" }),
});
export type NewWebhookEndpoint = z.infer<typeof newWebhookEndpointSchema>;

/**
 * Adds an endpoint once its URL passes the destination check (https, public addresses). Returns the
 * endpoint and its signing secret: the only time the secret is ever shown.
 */
export async function createWebhookEndpoint(
  ctx: { db: Db; keyring: Keyring; policy: DestinationPolicy },
  input: NewWebhookEndpoint & { tenantId: string; userId: string },
) {
  if ((await listWebhookEndpoints(ctx.db, input.tenantId)).length >= MAX_ENDPOINTS_PER_TENANT)
    throw new ApiError("conflict", `A tenant has at most ${MAX_ENDPOINTS_PER_TENANT} endpoints`);
  try {
    await checkDestination(new URL(input.url), ctx.policy);
  } catch (err) {
    if (err instanceof BlockedDestinationError) throw new ApiError("bad_request", err.message);
    throw err;
  }
  const secret = generateEndpointSecret();
  const endpoint = await insertWebhookEndpoint(
    ctx.db,
    {
      tenantId: input.tenantId,
      url: input.url,
      events: input.events,
      createdByUserId: input.userId,
    },
    (id) => sealEndpointSecret(ctx.keyring, id, secret),
  );
  return { endpoint, secret };
}
