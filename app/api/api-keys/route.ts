import { z } from "zod";
import { getDb } from "@/db";
import { listActiveApiKeys } from "@/db/queries/api-keys";
import { listTenantsForUser } from "@/db/queries/tenants";
import { createApiKey } from "@/lib/api-keys/create";
import { readJson } from "@/lib/api/request";
import { route } from "@/lib/api/route";
import { requireSessionUser } from "@/lib/auth/session";
import { slugSchema } from "@/lib/tenants/slug";
import { presentApiKey, presentApiKeyList, type CreatedApiKeyView } from "@/lib/views/api-keys";

const createSchema = z.object({
  name: z.string().trim().min(1, "is required").max(60, "must be at most 60 characters"),
  // Omitted or null: every tenant the user is a member of, now and later.
  tenants: z.array(slugSchema).min(1, "must name at least one tenant").max(100).nullish(),
});

async function tenantSlugs(userId: string) {
  const tenants = await listTenantsForUser(await getDb(), userId);
  return new Map(tenants.map((t) => [t.id, t.slug] as const));
}

// GET /api/api-keys – the signed-in user's live API keys (name and prefix, never the key)
export const GET = route(async () => {
  const user = await requireSessionUser();
  const rows = await listActiveApiKeys(await getDb(), user.id);
  return Response.json(presentApiKeyList(rows, await tenantSlugs(user.id)), {
    headers: { "cache-control": "no-store" },
  });
});

// POST /api/api-keys – a new key acting with the user's rights; the only time the key is shown
export const POST = route(async (req) => {
  const user = await requireSessionUser();
  const input = await readJson(req, createSchema);
  const { row, key } = await createApiKey(await getDb(), {
    userId: user.id,
    name: input.name,
    tenantSlugs: input.tenants ?? null,
  });
  const created: CreatedApiKeyView = { ...presentApiKey(row, await tenantSlugs(user.id)), key };
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
