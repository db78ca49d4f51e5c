import { getDb } from "@/db";
import { listTenantsForUser } from "@/db/queries/tenants";
import { readJson } from "@/lib/api/request";
import { route } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";
import { createTenant, newTenantSchema } from "@/lib/tenants/lifecycle";
import { presentTenant, presentTenantList } from "@/lib/views/tenants";

// GET /api/tenants – the signed-in user's tenants
export const GET = route(async () => {
  const user = await requireSessionUser();
  return Response.json(presentTenantList(await listTenantsForUser(await getDb(), user.id)));
});

// POST /api/tenants – create a tenant; the creator becomes its owner
export const POST = route(async (req) => {
  const user = await requireSessionUser();
  const input = await readJson(req, newTenantSchema);
  const tenant = await createTenant(await getDb(), user.id, input);
  return Response.json(presentTenant(tenant), { status: 201 });
});
