import { z } from "zod";
import { TOKEN_KINDS } from "@/lib/zak/kinds";
import { defineOperation, nextCursor, pageQuery } from "../operation";
import { tenantParams } from "./tenants";

export const tokenRequestSchema = z
  .object({
    id: z.number().int(),
    createdAt: z.iso.datetime(),
    kind: z.string(),
    source: z.enum(["bot", "dashboard"]),
    outcome: z.string(),
    status: z.number().int(),
    latencyMs: z.number().int(),
    clientIp: z.string().nullable(),
    callerId: z.string().nullable(),
    secretLabel: z.string().nullable(),
  })
  .meta({ id: "TokenRequest", description: "One token request: never the token or the secret" });

export const listActivityOp = defineOperation({
  method: "get",
  path: "/api/v1/tenants/{slug}/activity",
  operationId: "listActivity",
  summary: "List token requests",
  description: "The tenant's recorded token requests, newest first (kept 90 days).",
  tag: "Activity",
  tenantRole: "member",
  params: tenantParams,
  query: pageQuery.extend({
    cursor: z.coerce.number().int().positive().optional().meta({
      description: "The `nextCursor` of the previous page",
    }),
    kind: z.enum(TOKEN_KINDS).optional(),
    outcome: z
      .string()
      .regex(/^[a-z_]{1,40}$/, "must be an outcome such as served or bad_secret")
      .optional()
      .meta({ description: "served, bad_secret, not_connected, reauth_required, …" }),
  }),
  success: {
    status: 200,
    description: "One page of token requests",
    schema: z
      .object({ requests: z.array(tokenRequestSchema), nextCursor })
      .meta({ id: "ActivityPage" }),
  },
});
