import { z } from "zod";
import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { getSigning, updateSigningRequirements } from "@/lib/signatures/settings";

const patchSchema = z.object({
  requireRecallSignature: z.boolean().optional(),
  requireAttendeeSignature: z.boolean().optional(),
});

// GET /api/tenants/:slug/signing – the bot platforms' signing secrets (never the secrets) and switches
export const GET = withTenant("member", async ({ tenant, db }) =>
  Response.json(await getSigning(db, tenant.id), { headers: { "cache-control": "no-store" } }),
);

// PATCH /api/tenants/:slug/signing – require (or stop requiring) a platform's signature; 409 when
// it has no live secret
export const PATCH = withTenant("admin", async ({ req, tenant, db }) =>
  Response.json(await updateSigningRequirements(db, tenant.id, await readJson(req, patchSchema))),
);
