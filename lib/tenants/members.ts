import "server-only";
import type { Db, Tx } from "@/db/client";
import {
  deleteMembership,
  findMember,
  lockOwnerIds,
  upsertMembership,
  type MemberRow,
} from "@/db/queries/tenants";
import { findUserByEmail } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import { keepsAnOwner, LAST_OWNER_MESSAGE } from "./member-rules";

/**
 * Locks the tenant's owner rows for the rest of the transaction and returns the member, refusing
 * with 409 when their going to `to` (null: removed) would leave the tenant without an owner.
 */
async function lockMemberKeepingAnOwner(
  tx: Tx,
  tenantId: string,
  userId: string,
  to: Role | null,
): Promise<MemberRow | undefined> {
  const owners = await lockOwnerIds(tx, tenantId);
  const member = await findMember(tx, tenantId, userId);
  if (member && !keepsAnOwner(owners.length, member.role, to))
    throw new ApiError("conflict", LAST_OWNER_MESSAGE);
  return member;
}

/** Adds an existing user to the tenant by email, or changes their role; returns the member. */
export async function addOrUpdateMember(
  db: Db,
  input: { tenantId: string; actorId: string; email: string; role: Role },
): Promise<MemberRow> {
  const invitee = await findUserByEmail(db, input.email);
  if (!invitee)
    throw new ApiError("not_found", "No account uses this email: ask them to sign up first");
  if (invitee.id === input.actorId)
    throw new ApiError("conflict", "You cannot change your own role");
  const membership = { tenantId: input.tenantId, userId: invitee.id, role: input.role };
  return db.transaction(async (tx) => {
    await lockMemberKeepingAnOwner(tx, input.tenantId, invitee.id, input.role);
    await upsertMembership(tx, membership);
    return (await findMember(tx, input.tenantId, invitee.id))!;
  });
}

/** Removes a member, or lets them leave; the caller has checked mayRemoveMember. */
export async function removeMember(db: Db, tenantId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await lockMemberKeepingAnOwner(tx, tenantId, userId, null)))
      throw new ApiError("not_found", "This user is not a member");
    await deleteMembership(tx, tenantId, userId);
  });
}
