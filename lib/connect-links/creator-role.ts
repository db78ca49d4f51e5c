import type { Role } from "@/db/schema";
import { rolesWith } from "@/lib/auth/tenant-roles";

/**
 * Who may create a tenant's connect links, in the dashboard and with an API key: its owners and
 * admins. A link works only while whoever created it still may (lib/connect-links/links.ts).
 */
export const LINK_CREATOR_ROLE = "admin" satisfies Role;

/** The roles a link's creator must still hold, for the checks made in SQL. */
export const LINK_CREATOR_ROLES = rolesWith(LINK_CREATOR_ROLE);
