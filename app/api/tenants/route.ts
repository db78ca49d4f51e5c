import { z } from "zod";
import { getDb } from "@/db";
import { insertTenantWithOwner, listTenantsForUser } from "@/db/queries/tenants";
import { ApiError } from "@/lib/api/errors";
import { readJson } from "@/lib/api/request";
import { route } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";
import { slugify, slugSchema } from "@/lib/tenants/slug";
import { presentTenant, presentTenantList } from "@/lib/views/tenants";

const createSchema = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  slug: slugSchema.optional(),
});

// GET /api/tenants – the signed-in user's tenants
export const GET = route(async () => {
  const user = await requireSessionUser();
  return Response.json(presentTenantList(await listTenantsForUser(await getDb(), user.id)));
});

// POST /api/tenants – create a tenant; the creator becomes its owner
export const POST = route(async (req) => {
  const user = await requireSessionUser();
  const input = await readJson(req, createSchema);
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new ApiError("bad_request", "slug: cannot be derived from the name; choose one");
  const tenant = await insertTenantWithOwner(await getDb(), {
    slug,
    name: input.name,
    ownerId: user.id,
  });
  if (!tenant) throw new ApiError("conflict", `The slug "${slug}" is already in use`);
  return Response.json(presentTenant(tenant), { status: 201 });
});
