import { z } from "zod";
import { deleteMembership, listMembers } from "@/db/queries/tenants";
import { ApiError } from "@/lib/api/errors";
import { hasRole } from "@/lib/auth/tenant-roles";
import { withTenant } from "@/lib/auth/tenant";

// DELETE /api/tenants/:slug/members/:userId – owners remove anyone; any member may leave.
// A tenant always keeps at least one owner.
export const DELETE = withTenant<{ slug: string; userId: string }>(
  "member",
  async ({ params, tenant, user, db }) => {
    const userId = z.uuid().safeParse(params.userId);
    const members = await listMembers(db, tenant.id);
    const target = userId.success ? members.find((m) => m.userId === userId.data) : undefined;
    if (!target) throw new ApiError("not_found", "This user is not a member");
    if (target.userId !== user.id && !hasRole(tenant.role, "owner"))
      throw new ApiError("forbidden", "Only owners can do this");
    if (target.role === "owner" && members.filter((m) => m.role === "owner").length === 1) {
      throw new ApiError("conflict", "A tenant needs at least one owner");
    }
    await deleteMembership(db, tenant.id, target.userId);
    return Response.json({ userId: target.userId });
  },
);
