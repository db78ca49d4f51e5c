import type { Db } from "@/db/client";
import { deleteTokenRequestsBefore } from "@/db/queries/token-requests";

/** Long enough to look into a bot's failures; short enough that the audit table does not grow forever. */
export const TOKEN_REQUEST_RETENTION_DAYS = 90;

/** Deletes old requests in batches; stops after the batch that passes `until` (the next run goes on). */
export function pruneTokenRequests(db: Db, now = Date.now(), until = Infinity): Promise<number> {
  return deleteTokenRequestsBefore(
    db,
    new Date(now - TOKEN_REQUEST_RETENTION_DAYS * 24 * 60 * 60 * 1000),
    undefined,
    until,
  );
}
