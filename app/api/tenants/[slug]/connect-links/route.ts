import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { getConfig } from "@/lib/config";
import { LINK_CREATOR_ROLE } from "@/lib/connect-links/creator-role";
import { createConnectLink, listOpenLinks } from "@/lib/connect-links/links";
import { createConnectLinkSchema } from "@/lib/connect-links/schemas";
import { presentConnectLinks, presentCreatedConnectLink } from "@/lib/views/connect-links";

// GET /api/tenants/:slug/connect-links – open links (never their URLs) and the return-URL allow-list
export const GET = withTenant("admin", async ({ tenant, db }) =>
  Response.json(presentConnectLinks(await listOpenLinks(db, tenant.id), tenant.connectReturnUrls), {
    headers: { "cache-control": "no-store" },
  }),
);

// POST /api/tenants/:slug/connect-links – a single-use link for an end user with no account; the
// only time its URL is shown. 400 when returnUrl is not on the tenant's allow-list.
export const POST = withTenant(LINK_CREATOR_ROLE, async ({ req, tenant, user, db }) => {
  const input = await readJson(req, createConnectLinkSchema);
  const { link, url } = await createConnectLink(db, {
    ...input,
    tenantId: tenant.id,
    createdByUserId: user.id,
    appUrl: getConfig().appUrl,
  });
  return Response.json(presentCreatedConnectLink(link, url), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
