import { createConnectLinkOp, listConnectLinksOp } from "@/lib/api/v1/operations/connect-links";
import { v1Route } from "@/lib/api/v1/route";
import { getConfig } from "@/lib/config";
import { createConnectLink, listOpenLinks } from "@/lib/connect-links/links";
import { presentConnectLinks, presentCreatedConnectLink } from "@/lib/views/connect-links";

export const GET = v1Route(listConnectLinksOp, async ({ db, tenant }) =>
  presentConnectLinks(await listOpenLinks(db, tenant.id), tenant.connectReturnUrls),
);

export const POST = v1Route(createConnectLinkOp, async ({ db, tenant, principal, body }) => {
  const { link, url } = await createConnectLink(db, {
    ...body,
    tenantId: tenant.id,
    createdByUserId: principal.userId,
    createdByApiKeyId: principal.keyId,
    appUrl: getConfig().appUrl,
  });
  return presentCreatedConnectLink(link, url);
});
