import type { MemberRow } from "@/db/queries/tenants";
import type { Role } from "@/db/schema";

/** A member of a tenant; `POST /api/tenants/:slug/members` answers the added or changed one. */
export interface MemberView {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  since: string;
}

/** `GET /api/tenants/:slug/members`: who can see the tenant, oldest membership first. */
export interface MemberListView {
  members: MemberView[];
}

export function presentMember(row: MemberRow): MemberView {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    since: row.since.toISOString(),
  };
}

export function presentMemberList(rows: MemberRow[]): MemberListView {
  return { members: rows.map(presentMember) };
}
