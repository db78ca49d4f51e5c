// Who may change memberships, shared by the API and the members card (no server imports here).
import type { Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/tenant-roles";

export const LAST_OWNER_MESSAGE = "A tenant needs at least one owner";

/** Owners remove anyone; any member may leave. */
export function mayRemoveMember(actorRole: Role, isSelf: boolean): boolean {
  return isSelf || hasRole(actorRole, "owner");
}

/**
 * A tenant always keeps at least one owner: false when a member with role `from`, one of
 * `ownerCount` owners, going to `to` (null: leaving the tenant) would take away the last one.
 */
export function keepsAnOwner(ownerCount: number, from: Role, to: Role | null): boolean {
  return from !== "owner" || to === "owner" || ownerCount > 1;
}
