import { z } from "zod";
import { insertUrlSecret, listActiveUrlSecrets } from "@/db/queries/url-secrets";
import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { getConfig } from "@/lib/config";
import { presentCreatedUrlSecret, presentUrlSecretList } from "@/lib/views/url-secrets";
import { generateUrlSecret } from "@/lib/zak/url-secret";

const createSchema = z.object({
  label: z.string().trim().min(1).max(60, "must be at most 60 characters").optional(),
});

// GET /api/tenants/:slug/secrets – active ZAK URL secrets (label and prefix only, never the secret)
export const GET = withTenant("admin", async ({ tenant, db }) =>
  Response.json(presentUrlSecretList(await listActiveUrlSecrets(db, tenant.id)), {
    headers: { "cache-control": "no-store" },
  }),
);

// POST /api/tenants/:slug/secrets – a new ZAK URL; the only time its secret is ever shown
export const POST = withTenant("admin", async ({ req, tenant, user, db }) => {
  const input = await readJson(req, createSchema);
  const { secret, prefix, hash } = generateUrlSecret();
  const row = await insertUrlSecret(db, {
    tenantId: tenant.id,
    label: input.label ?? "Bot",
    prefix,
    secretHash: hash,
    createdByUserId: user.id,
  });
  const zakUrl = `${getConfig().appUrl}/api/zak/${tenant.slug}?token=${secret}`;
  return Response.json(presentCreatedUrlSecret(row, zakUrl), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
