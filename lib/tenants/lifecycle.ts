import { z } from "zod";
import type { Db } from "@/db/client";
import { deleteTenantRow, insertTenantWithOwner, type TenantWithRole } from "@/db/queries/tenants";
import { ApiError } from "@/lib/api/errors";
import { disconnectTenant } from "@/lib/vault/grants";
import type { Vault } from "@/lib/vault/types";
import { slugify, slugSchema } from "./slug";

/** A new tenant: its name, and its slug unless it is derived from the name. */
export const newTenantSchema = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  slug: slugSchema.optional(),
});

/** Creates a tenant owned by `ownerId` (dashboard and API alike): 409 when the slug is taken. */
export async function createTenant(
  db: Db,
  ownerId: string,
  input: z.output<typeof newTenantSchema>,
): Promise<TenantWithRole> {
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new ApiError("bad_request", "slug: cannot be derived from the name; choose one");
  const tenant = await insertTenantWithOwner(db, { slug, name: input.name, ownerId });
  if (!tenant) throw new ApiError("conflict", `The slug "${slug}" is already in use`);
  return tenant;
}

/**
 * Deletes a tenant with everything it owns (URL secrets, activity, members). Its Zoom connection is
 * disconnected first, revoked at Zoom when no other tenant shares the grant, as a disconnect does.
 */
export async function deleteTenant(vault: Vault, tenantId: string): Promise<void> {
  await disconnectTenant(vault, tenantId);
  await deleteTenantRow(vault.db, tenantId);
}
