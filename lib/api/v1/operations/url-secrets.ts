import { z } from "zod";
import { TOKEN_KINDS } from "@/lib/zak/kinds";
import { newUrlSecretSchema } from "@/lib/zak/url-secrets";
import { defineOperation } from "../operation";
import { tenantParams } from "./tenants";

export const urlSecretSchema = z
  .object({
    id: z.uuid(),
    label: z.string(),
    prefix: z.string().meta({ description: "The secret's first characters, to recognise it" }),
    kinds: z.array(z.enum(TOKEN_KINDS)),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "UrlSecret" });

const createdUrlSecretSchema = urlSecretSchema
  .extend({
    zakUrl: z.url(),
    urls: z
      .partialRecord(z.enum(TOKEN_KINDS), z.url())
      .meta({ description: "The URL to hand to bots, per kind the secret allows" }),
    attendeeUrl: z.url().nullable().meta({ description: "Attendee's zoom_tokens_url" }),
  })
  .meta({
    id: "CreatedUrlSecret",
    description: "The only answer that carries the secret (inside the URLs)",
  });

export const listUrlSecretsOp = defineOperation({
  method: "get",
  path: "/api/v1/tenants/{slug}/url-secrets",
  operationId: "listUrlSecrets",
  summary: "List URL secrets",
  description: "The tenant's live token URL secrets: label and prefix, never the secret. Admins.",
  tag: "URL secrets",
  tenantRole: "admin",
  params: tenantParams,
  success: {
    status: 200,
    description: "The live URL secrets, newest first",
    schema: z.object({ secrets: z.array(urlSecretSchema) }),
  },
});

export const createUrlSecretOp = defineOperation({
  method: "post",
  path: "/api/v1/tenants/{slug}/url-secrets",
  operationId: "createUrlSecret",
  summary: "Create a URL secret",
  description:
    "A secret for the tenant's token URLs, allowed the given kinds (default ZAK only). Shown once. Admins.",
  tag: "URL secrets",
  tenantRole: "admin",
  params: tenantParams,
  body: newUrlSecretSchema,
  success: { status: 201, description: "The secret's URLs", schema: createdUrlSecretSchema },
});

export const revokeUrlSecretOp = defineOperation({
  method: "delete",
  path: "/api/v1/tenants/{slug}/url-secrets/{id}",
  operationId: "revokeUrlSecret",
  summary: "Revoke a URL secret",
  description: "Bots using it get 401 from now on. Admins.",
  tag: "URL secrets",
  tenantRole: "admin",
  params: tenantParams.extend({ id: z.uuid().meta({ description: "The URL secret's id" }) }),
  success: {
    status: 200,
    description: "Revoked",
    schema: z.object({ id: z.uuid(), revoked: z.boolean() }),
  },
});
