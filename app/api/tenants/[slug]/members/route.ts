import { z } from "zod";
import { listMembers } from "@/db/queries/tenants";
import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";
import { addOrUpdateMember } from "@/lib/tenants/members";
import { presentMember, presentMemberList } from "@/lib/views/members";

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be a valid email address")),
  role: z.enum(["owner", "admin", "member"]),
});

// GET /api/tenants/:slug/members – who can see this tenant
export const GET = withTenant("member", async ({ tenant, db }) =>
  Response.json(presentMemberList(await listMembers(db, tenant.id))),
);

// POST /api/tenants/:slug/members – add an existing user, or change their role (owners only).
// A tenant always keeps at least one owner.
export const POST = withTenant("owner", async ({ req, tenant, user, db }) => {
  const input = await readJson(req, inviteSchema);
  const member = await addOrUpdateMember(db, { tenantId: tenant.id, actorId: user.id, ...input });
  return Response.json(presentMember(member), { status: 201 });
});
