import { listActiveUrlSecrets } from "@/db/queries/url-secrets";
import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { getConfig } from "@/lib/config";
import { presentCreatedUrlSecret, presentUrlSecretList } from "@/lib/views/url-secrets";
import { createUrlSecret, newUrlSecretSchema } from "@/lib/zak/url-secrets";

// GET /api/tenants/:slug/secrets – active ZAK URL secrets (label and prefix only, never the secret)
export const GET = withTenant("admin", async ({ tenant, db }) =>
  Response.json(presentUrlSecretList(await listActiveUrlSecrets(db, tenant.id)), {
    headers: { "cache-control": "no-store" },
  }),
);

// POST /api/tenants/:slug/secrets – a new URL secret for the chosen kinds (default ZAK only); the
// only time its secret is ever shown
export const POST = withTenant("admin", async ({ req, tenant, user, db }) => {
  const input = await readJson(req, newUrlSecretSchema);
  const { row, secret } = await createUrlSecret(db, {
    ...input,
    tenantId: tenant.id,
    userId: user.id,
  });
  const link = { appUrl: getConfig().appUrl, slug: tenant.slug, secret };
  return Response.json(presentCreatedUrlSecret(row, link), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
