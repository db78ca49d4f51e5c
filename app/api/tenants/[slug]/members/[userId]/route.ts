import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { withTenant } from "@/lib/auth/tenant";
import { mayRemoveMember } from "@/lib/tenants/member-rules";
import { removeMember } from "@/lib/tenants/members";
import type { MemberView } from "@/lib/views/members";

// DELETE /api/tenants/:slug/members/:userId – owners remove anyone; any member may leave.
// A tenant always keeps at least one owner.
export const DELETE = withTenant<{ slug: string; userId: string }>(
  "member",
  async ({ params, tenant, user, db }) => {
    const userId = z.uuid().safeParse(params.userId);
    if (!userId.success) throw new ApiError("not_found", "This user is not a member");
    if (!mayRemoveMember(tenant.role, userId.data === user.id))
      throw new ApiError("forbidden", "Only owners can do this");
    await removeMember(db, tenant.id, userId.data);
    return Response.json({ userId: userId.data } satisfies Pick<MemberView, "userId">);
  },
);
