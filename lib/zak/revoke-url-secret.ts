import type { Db } from "@/db/client";
import { revokeUrlSecret } from "@/db/queries/url-secrets";
import { recordEvent } from "@/lib/events/record";

/**
 * Revokes one of the tenant's token URLs (bots using it get 401 from now on) and records
 * `url_secret.revoked` with it. False when the tenant has no active secret with this id.
 */
export async function revokeTokenUrl(db: Db, tenantId: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await revokeUrlSecret(tx, tenantId, id);
    if (revoked) await recordEvent(tx, tenantId, "url_secret.revoked", { urlSecret: revoked });
    return Boolean(revoked);
  });
}
