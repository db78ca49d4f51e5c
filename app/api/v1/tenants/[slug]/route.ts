import { deleteTenantOp, getTenantOp } from "@/lib/api/v1/operations/tenants";
import { v1Route } from "@/lib/api/v1/route";
import { getBroker } from "@/lib/broker";
import { deleteTenant } from "@/lib/tenants/lifecycle";
import { presentTenant } from "@/lib/views/tenants";

export const GET = v1Route(getTenantOp, ({ tenant }) => presentTenant(tenant));

export const DELETE = v1Route(deleteTenantOp, async ({ tenant }) => {
  await deleteTenant(await getBroker(), tenant.id);
  return { slug: tenant.slug, deleted: true };
});
