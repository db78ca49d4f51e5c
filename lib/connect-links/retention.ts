import type { Db } from "@/db/client";
import { deleteClosedConnectLinksBefore } from "@/db/queries/connect-links";

/** How long a link is kept once used, revoked or expired: its page says why it is closed meanwhile. */
export const CLOSED_LINK_RETENTION_DAYS = 7;

/** Deletes links closed for longer than the retention period; stops after the batch that passes `until`. */
export function pruneConnectLinks(db: Db, now = Date.now(), until = Infinity): Promise<number> {
  return deleteClosedConnectLinksBefore(
    db,
    new Date(now - CLOSED_LINK_RETENTION_DAYS * 24 * 60 * 60 * 1000),
    undefined,
    until,
  );
}
