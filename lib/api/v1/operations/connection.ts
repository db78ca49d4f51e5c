import { z } from "zod";
import { TOKEN_KINDS } from "@/lib/zak/kinds";
import { defineOperation } from "../operation";
import { tenantParams } from "./tenants";

const isoOrNull = z.iso.datetime().nullable();

export const connectionSchema = z
  .object({
    status: z.enum(["not_connected", "connected", "reauth_required", "disconnected"]),
    disconnectedReason: z
      .string()
      .nullable()
      .meta({ description: "Why the connection ended, e.g. the Zoom user removed the app" }),
    reauthReason: z
      .string()
      .nullable()
      .meta({ description: "Why Zoom no longer accepts the grant, when it must be reconnected" }),
    user: z
      .object({
        zoomUserId: z.string(),
        displayName: z.string(),
        email: z.string(),
        picUrl: z.string().nullable(),
      })
      .nullable()
      .meta({ description: "The Zoom user bots join as" }),
    scopes: z.array(z.string()).meta({ description: "The Zoom scopes the user granted" }),
    kinds: z
      .array(z.object({ kind: z.enum(TOKEN_KINDS), missingScope: z.string().nullable() }))
      .meta({ description: "Which token kinds it can serve; a missing scope is named" }),
    health: z
      .object({
        state: z.enum(["ok", "paused", "interrupted", "reauth_required"]),
        pauseReason: z.string().nullable(),
        retryAt: isoOrNull,
        consecutiveFailures: z.number().int(),
        accessTokenExpiresAt: z.iso.datetime(),
      })
      .nullable()
      .meta({ description: "How token refreshes are going; null without a grant" }),
    connectedAt: isoOrNull,
    lastRefreshAt: isoOrNull,
    lastTokenServedAt: isoOrNull,
  })
  .meta({ id: "Connection" });

export const getConnectionOp = defineOperation({
  method: "get",
  path: "/api/v1/tenants/{slug}/connection",
  operationId: "getConnection",
  summary: "Get the Zoom connection",
  description:
    "Who bots join as, the granted scopes, refresh health, the last refresh and the last token served, and why when it is broken. Never a token.",
  tag: "Connection",
  tenantRole: "member",
  params: tenantParams,
  success: { status: 200, description: "The connection's status", schema: connectionSchema },
});
