import { z } from "zod";
import { listMembers, upsertMembership } from "@/db/queries/tenants";
import { findUserByEmail } from "@/db/queries/users";
import { ApiError } from "@/lib/api/errors";
import { readJson } from "@/lib/api/request";
import { withTenant } from "@/lib/auth/tenant";

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be a valid email address")),
  role: z.enum(["owner", "admin", "member"]),
});

// GET /api/tenants/:slug/members – who can see this tenant
export const GET = withTenant("member", async ({ tenant, db }) =>
  Response.json({ members: await listMembers(db, tenant.id) }),
);

// POST /api/tenants/:slug/members – add an existing user, or change their role (owners only)
export const POST = withTenant("owner", async ({ req, tenant, user, db }) => {
  const input = await readJson(req, inviteSchema);
  const invitee = await findUserByEmail(db, input.email);
  if (!invitee)
    throw new ApiError("not_found", "No account uses this email: ask them to sign up first");
  if (invitee.id === user.id) throw new ApiError("conflict", "You cannot change your own role");
  await upsertMembership(db, { tenantId: tenant.id, userId: invitee.id, role: input.role });
  const member = (await listMembers(db, tenant.id)).find((m) => m.userId === invitee.id);
  return Response.json(member, { status: 201 });
});
