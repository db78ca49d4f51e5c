import { z } from "zod";
import { insertUrlSecret, listActiveUrlSecrets } from "@/db/queries/url-secrets";
import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { getConfig } from "@/lib/config";
import { presentCreatedUrlSecret, presentUrlSecretList } from "@/lib/views/url-secrets";
import { DEFAULT_KINDS, TOKEN_KINDS } from "@/lib/zak/kinds";
import { generateUrlSecret } from "@/lib/zak/url-secret";

const createSchema = z.object({
  label: z.string().trim().min(1).max(60, "must be at most 60 characters").optional(),
  kinds: z
    .array(z.enum(TOKEN_KINDS))
    .min(1, "must name at least one kind")
    .refine((kinds) => new Set(kinds).size === kinds.length, "must not repeat a kind")
    .default([...DEFAULT_KINDS]),
});

// GET /api/tenants/:slug/secrets – active ZAK URL secrets (label and prefix only, never the secret)
export const GET = withTenant("admin", async ({ tenant, db }) =>
  Response.json(presentUrlSecretList(await listActiveUrlSecrets(db, tenant.id)), {
    headers: { "cache-control": "no-store" },
  }),
);

// POST /api/tenants/:slug/secrets – a new URL secret for the chosen kinds (default ZAK only); the
// only time its secret is ever shown
export const POST = withTenant("admin", async ({ req, tenant, user, db }) => {
  const input = await readJson(req, createSchema);
  const { secret, prefix, hash } = generateUrlSecret();
  const row = await insertUrlSecret(db, {
    tenantId: tenant.id,
    label: input.label ?? "Bot",
    prefix,
    secretHash: hash,
    kinds: input.kinds,
    createdByUserId: user.id,
  });
  const link = { appUrl: getConfig().appUrl, slug: tenant.slug, secret };
  return Response.json(presentCreatedUrlSecret(row, link), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
