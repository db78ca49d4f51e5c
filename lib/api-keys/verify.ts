import type { Db } from "@/db/client";
import { findActiveApiKey, touchApiKey } from "@/db/queries/api-keys";
import { bearerToken } from "@/lib/api/bearer";
import { safeEqual } from "@/lib/crypto/digest";
import { hashApiKey, isWellFormedApiKey } from "./key";

/** Who a request authenticated with an API key acts for. */
export interface ApiKeyPrincipal {
  /** The key's creator: the key has this user's live rights, never more. */
  userId: string;
  keyId: string;
  /** The tenants the key is limited to, or null for every tenant its creator belongs to. */
  tenantIds: string[] | null;
}

/**
 * The principal of `Authorization: Bearer zbk_…`, or null when the header is missing, malformed, or
 * names no live key (one answer for all). Records the key's use, at most once a minute.
 */
export async function verifyApiKey(
  db: Db,
  authorization: string | null,
): Promise<ApiKeyPrincipal | null> {
  const presented = bearerToken(authorization);
  if (!presented || !isWellFormedApiKey(presented)) return null;
  const hash = hashApiKey(presented);
  const row = await findActiveApiKey(db, hash);
  if (!row || !safeEqual(row.keyHash, hash)) return null;
  await touchApiKey(db, row.id);
  return { userId: row.userId, keyId: row.id, tenantIds: row.tenantIds };
}

/** Whether the key may reach this tenant at all (its creator's membership is checked separately). */
export function keyAllowsTenant(principal: ApiKeyPrincipal, tenantId: string): boolean {
  return principal.tenantIds === null || principal.tenantIds.includes(tenantId);
}
