import { z } from "zod";
import { LINK_CREATOR_ROLE } from "@/lib/connect-links/creator-role";
import { createConnectLinkSchema } from "@/lib/connect-links/schemas";
import { defineOperation } from "../operation";
import { tenantParams } from "./tenants";

const connectLinkSchema = z
  .object({
    id: z.uuid(),
    returnUrl: z.string().nullable(),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ConnectLink" });

const createdConnectLinkSchema = connectLinkSchema
  .extend({
    url: z.string().meta({
      description:
        "`${APP_URL}/connect/zcl_…`: send it to the end user. Shown in this answer only; it works once.",
    }),
  })
  .meta({ id: "CreatedConnectLink" });

export const createConnectLinkOp = defineOperation({
  method: "post",
  path: "/api/v1/tenants/{slug}/connect-links",
  operationId: "createConnectLink",
  summary: "Create a connect link",
  description:
    "A single-use URL an end user with no account opens to connect (or reconnect) the tenant's Zoom user through Zoom's consent. Owners and admins. The link works only while the key is not revoked and its creator is still an owner or admin of the tenant. 400 when returnUrl is not on the tenant's allow-list.",
  tag: "Connect links",
  tenantRole: LINK_CREATOR_ROLE,
  params: tenantParams,
  body: createConnectLinkSchema,
  success: {
    status: 201,
    description: "The new link, with its URL",
    schema: createdConnectLinkSchema,
  },
});

export const listConnectLinksOp = defineOperation({
  method: "get",
  path: "/api/v1/tenants/{slug}/connect-links",
  operationId: "listConnectLinks",
  summary: "List open connect links",
  description:
    "Links not yet used, revoked, expired or withdrawn (their creator is no longer an owner or admin, or their key was revoked), newest first (never their URLs), and the tenant's return-URL allow-list.",
  tag: "Connect links",
  tenantRole: "admin",
  params: tenantParams,
  success: {
    status: 200,
    description: "Open links and allowed return URLs",
    schema: z
      .object({ links: z.array(connectLinkSchema), returnUrls: z.array(z.string()) })
      .meta({ id: "ConnectLinkList" }),
  },
});

export const revokeConnectLinkOp = defineOperation({
  method: "delete",
  path: "/api/v1/tenants/{slug}/connect-links/{id}",
  operationId: "revokeConnectLink",
  summary: "Revoke a connect link",
  description: "Opening it says it was revoked from now on. 404 when no open link has this id.",
  tag: "Connect links",
  tenantRole: "admin",
  params: tenantParams.extend({ id: z.uuid().meta({ description: "The link's id" }) }),
  success: {
    status: 200,
    description: "The link is revoked",
    schema: z.object({ id: z.uuid(), revoked: z.boolean() }),
  },
});
