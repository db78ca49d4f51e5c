import type { Broker } from "./broker";
import { reencryptGrants, refreshIdleGrants } from "./vault/maintenance";
import { pruneTokenRequests } from "./zak/audit-retention";

export interface MaintenanceReport {
  reencrypted: number;
  unreadable: number;
  refreshed: number;
  released: number;
  failed: number;
  pruned: number;
  /** False when the time budget ran out first; the next run resumes where this one stopped. */
  complete: boolean;
}

/**
 * Key rotation catch-up, idle refreshes and audit retention, within a time budget. Re-encryption takes
 * the grant's row lock, refreshes its refresh lease, and pruning deletes in batches, so overlapping runs on several instances (the
 * hourly timer, the cron route) are safe. A step already under way when the budget ends completes.
 */
export async function runMaintenance(
  broker: Broker,
  budgetMs = Infinity,
): Promise<MaintenanceReport> {
  const until = Date.now() + budgetMs;
  const keys = await reencryptGrants(broker, until);
  const idle = await refreshIdleGrants(broker, Date.now(), until);
  const pruned = await pruneTokenRequests(broker.db, Date.now(), until);
  return {
    reencrypted: keys.rewritten,
    unreadable: keys.unreadable,
    refreshed: idle.refreshed,
    released: idle.released,
    failed: idle.failed,
    pruned,
    complete: keys.complete && idle.complete && Date.now() < until,
  };
}
