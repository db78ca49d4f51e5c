import { listTenantsForUserPage } from "@/db/queries/tenants";
import { ApiError } from "@/lib/api/errors";
import { createTenantOp, listTenantsOp } from "@/lib/api/v1/operations/tenants";
import { v1Route } from "@/lib/api/v1/route";
import { createTenant } from "@/lib/tenants/lifecycle";
import { presentTenant } from "@/lib/views/tenants";

export const GET = v1Route(listTenantsOp, async ({ db, principal, query }) => {
  const page = await listTenantsForUserPage(db, principal.userId, {
    after: query.cursor ?? null,
    limit: query.limit + 1,
    tenantIds: principal.tenantIds,
  });
  const more = page.length > query.limit;
  const tenants = page.slice(0, query.limit);
  return { tenants: tenants.map(presentTenant), nextCursor: more ? tenants.at(-1)!.slug : null };
});

export const POST = v1Route(createTenantOp, async ({ db, principal, body }) => {
  // A key limited to some tenants could not reach the new one: it may not create any.
  if (principal.tenantIds !== null) {
    throw new ApiError("forbidden", "This key is limited to some tenants and cannot create one");
  }
  return presentTenant(await createTenant(db, principal.userId, body));
});
