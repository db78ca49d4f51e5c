import { z } from "zod";
import { deliveryStatusEnum } from "@/db/schema";
import { EVENT_TYPES } from "@/lib/events/types";
import { newWebhookEndpointSchema } from "@/lib/webhooks/endpoints";
import { defineOperation } from "../operation";
import { tenantParams } from "./tenants";

const deliverySchema = z
  .object({
    id: z.uuid(),
    eventId: z.uuid().meta({ description: "The webhook-id header of every attempt" }),
    eventType: z.string(),
    status: z.enum(deliveryStatusEnum.enumValues),
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WebhookDelivery" });

const endpointFields = {
  id: z.uuid(),
  url: z.string(),
  events: z.array(z.string()).meta({ description: `Among ${EVENT_TYPES.join(", ")}` }),
  createdAt: z.iso.datetime(),
  deliveries: z.array(deliverySchema).meta({ description: "The latest deliveries, newest first" }),
};

export const webhookEndpointSchema = z.object(endpointFields).meta({ id: "WebhookEndpoint" });

export const listWebhookEndpointsOp = defineOperation({
  method: "get",
  path: "/api/v1/tenants/{slug}/webhooks",
  operationId: "listWebhookEndpoints",
  summary: "List webhook endpoints",
  description:
    "The tenant's endpoints (never their secrets), each with its latest deliveries, and whether the owners get emails when the connection breaks. Owners and admins.",
  tag: "Webhooks",
  tenantRole: "admin",
  params: tenantParams,
  success: {
    status: 200,
    description: "The endpoints",
    schema: z
      .object({ endpoints: z.array(webhookEndpointSchema), emailAlerts: z.boolean() })
      .meta({ id: "WebhookEndpointList" }),
  },
});

export const createWebhookEndpointOp = defineOperation({
  method: "post",
  path: "/api/v1/tenants/{slug}/webhooks",
  operationId: "createWebhookEndpoint",
  summary: "Add a webhook endpoint",
  description:
    "Events are POSTed to it signed per Standard Webhooks with the `secret` of this answer, which is never shown again. Owners and admins.",
  tag: "Webhooks",
  tenantRole: "admin",
  params: tenantParams,
  body: newWebhookEndpointSchema,
  success: {
    status: 201,
    description: "The endpoint and its signing secret",
    schema: z
      .object({
        ...endpointFields,
        secret: z.string().meta({ description: "whsec_…, shown once" }),
      })
      .meta({ id: "CreatedWebhookEndpoint" }),
  },
  errors: [409],
});

export const deleteWebhookEndpointOp = defineOperation({
  method: "delete",
  path: "/api/v1/tenants/{slug}/webhooks/{id}",
  operationId: "deleteWebhookEndpoint",
  summary: "Delete a webhook endpoint",
  description: "Its pending deliveries are never sent. Owners and admins.",
  tag: "Webhooks",
  tenantRole: "admin",
  params: tenantParams.extend({ id: z.uuid().meta({ description: "The endpoint's id" }) }),
  success: {
    status: 200,
    description: "The endpoint is gone",
    schema: z.object({ id: z.uuid() }),
  },
});
