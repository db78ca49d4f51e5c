import { updateConnectReturnUrls } from "@/db/queries/connect-links";
import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { returnUrlsSchema } from "@/lib/connect-links/schemas";

// PUT /api/tenants/:slug/connect-links/return-urls – replace the allow-list a link's returnUrl must
// match (origin + path prefix; https, or http on localhost); answers the stored, normalized list
export const PUT = withTenant("admin", async ({ req, tenant, db }) => {
  const { returnUrls } = await readJson(req, returnUrlsSchema);
  await updateConnectReturnUrls(db, tenant.id, returnUrls);
  return Response.json({ returnUrls });
});
