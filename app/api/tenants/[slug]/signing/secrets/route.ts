import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { getConfig } from "@/lib/config";
import { newSigningSecretSchema } from "@/lib/signatures/secrets";
import { addSigningSecret } from "@/lib/signatures/settings";

// POST /api/tenants/:slug/signing/secrets – store a Recall or Attendee signing secret (encrypted;
// never returned)
export const POST = withTenant("admin", async ({ req, tenant, user, db }) => {
  const input = await readJson(req, newSigningSecretSchema);
  const created = await addSigningSecret(
    { db, keyring: getConfig().keyring },
    { ...input, tenantId: tenant.id, userId: user.id },
  );
  return Response.json(created, { status: 201 });
});
