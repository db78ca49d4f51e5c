import type { Role } from "@/db/schema";

const RANK: Record<Role, number> = { member: 0, admin: 1, owner: 2 };

/** Owners can do everything admins can, and admins everything members can. */
export function hasRole(actual: Role, needed: Role): boolean {
  return RANK[actual] >= RANK[needed];
}
