import type { Db } from "@/db/client";
import { insertApiKey, type ApiKeyRow } from "@/db/queries/api-keys";
import { listTenantsForUser } from "@/db/queries/tenants";
import { ApiError } from "@/lib/api/errors";
import { generateApiKey } from "./key";

/**
 * Creates a key for `userId`, limited to the tenants named by slug when `tenantSlugs` is given (each
 * must be one of the user's tenants). The key is in the answer and nowhere else.
 */
export async function createApiKey(
  db: Db,
  input: { userId: string; name: string; tenantSlugs: string[] | null },
): Promise<{ row: ApiKeyRow; key: string }> {
  let tenantIds: string[] | null = null;
  if (input.tenantSlugs) {
    const mine = new Map(
      (await listTenantsForUser(db, input.userId)).map((t) => [t.slug, t.id] as const),
    );
    const unknown = input.tenantSlugs.filter((slug) => !mine.has(slug));
    if (unknown.length) {
      throw new ApiError("bad_request", `tenants: not one of your tenants: ${unknown.join(", ")}`);
    }
    tenantIds = input.tenantSlugs.map((slug) => mine.get(slug)!);
  }
  const { key, prefix, hash } = generateApiKey();
  const {
    keyHash: _hash,
    createdByUserId: _user,
    ...row
  } = await insertApiKey(db, {
    name: input.name,
    prefix,
    keyHash: hash,
    createdByUserId: input.userId,
    tenantIds,
  });
  return { row, key };
}
