import { listActiveUrlSecrets } from "@/db/queries/url-secrets";
import { createUrlSecretOp, listUrlSecretsOp } from "@/lib/api/v1/operations/url-secrets";
import { v1Route } from "@/lib/api/v1/route";
import { getConfig } from "@/lib/config";
import { presentCreatedUrlSecret, presentUrlSecretList } from "@/lib/views/url-secrets";
import { createUrlSecret } from "@/lib/zak/url-secrets";

export const GET = v1Route(listUrlSecretsOp, async ({ db, tenant }) =>
  presentUrlSecretList(await listActiveUrlSecrets(db, tenant.id)),
);

export const POST = v1Route(createUrlSecretOp, async ({ db, tenant, principal, body }) => {
  const { row, secret } = await createUrlSecret(db, {
    ...body,
    tenantId: tenant.id,
    userId: principal.userId,
  });
  return presentCreatedUrlSecret(row, { appUrl: getConfig().appUrl, slug: tenant.slug, secret });
});
