import { z } from "zod";
import { roleEnum } from "@/db/schema";
import { newTenantSchema } from "@/lib/tenants/lifecycle";
import { slugSchema } from "@/lib/tenants/slug";
import { defineOperation, nextCursor, pageQuery } from "../operation";

/** `{slug}` in a path: the tenant, as it appears in its bot URLs. */
export const tenantParams = z.object({
  slug: slugSchema.meta({ description: "The tenant's slug" }),
});

export const tenantSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    role: z.enum(roleEnum.enumValues).meta({ description: "The key creator's role on the tenant" }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Tenant" });

export const listTenantsOp = defineOperation({
  method: "get",
  path: "/api/v1/tenants",
  operationId: "listTenants",
  summary: "List tenants",
  description:
    "The tenants the key's creator is a member of (only those the key is limited to, if it is), by slug.",
  tag: "Tenants",
  query: pageQuery,
  success: {
    status: 200,
    description: "One page of tenants",
    schema: z.object({ tenants: z.array(tenantSchema), nextCursor }).meta({ id: "TenantPage" }),
  },
});

export const createTenantOp = defineOperation({
  method: "post",
  path: "/api/v1/tenants",
  operationId: "createTenant",
  summary: "Create a tenant",
  description:
    "The key's creator becomes its owner. A key limited to some tenants cannot create one (403).",
  tag: "Tenants",
  body: newTenantSchema,
  success: { status: 201, description: "The new tenant", schema: tenantSchema },
  errors: [403, 409],
});

export const getTenantOp = defineOperation({
  method: "get",
  path: "/api/v1/tenants/{slug}",
  operationId: "getTenant",
  summary: "Get a tenant",
  tag: "Tenants",
  tenantRole: "member",
  params: tenantParams,
  success: { status: 200, description: "The tenant", schema: tenantSchema },
});

export const deleteTenantOp = defineOperation({
  method: "delete",
  path: "/api/v1/tenants/{slug}",
  operationId: "deleteTenant",
  summary: "Delete a tenant",
  description:
    "Owners only. Disconnects its Zoom user (revoked at Zoom unless another tenant uses it) and deletes its URLs and activity.",
  tag: "Tenants",
  tenantRole: "owner",
  params: tenantParams,
  success: {
    status: 200,
    description: "The tenant is gone",
    schema: z.object({ slug: z.string(), deleted: z.boolean() }),
  },
});
