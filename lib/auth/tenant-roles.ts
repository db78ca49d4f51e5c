import type { Role } from "@/db/schema";

const RANK: Record<Role, number> = { member: 0, admin: 1, owner: 2 };

/** Owners can do everything admins can, and admins everything members can. */
export function hasRole(actual: Role, needed: Role): boolean {
  return RANK[actual] >= RANK[needed];
}

/** Every role that has `needed`'s rights, for checks made in SQL. */
export function rolesWith(needed: Role): Role[] {
  return (Object.keys(RANK) as Role[]).filter((role) => hasRole(role, needed));
}
