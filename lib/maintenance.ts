import type { Broker } from "./broker";
import { pruneSignedRequestIds, reencryptSigningSecrets } from "./signatures/rotation";
import { reencryptGrants, refreshIdleGrants } from "./vault/maintenance";
import { pruneTokenRequests } from "./zak/audit-retention";

export interface MaintenanceReport {
  reencrypted: number;
  unreadable: number;
  refreshed: number;
  released: number;
  failed: number;
  pruned: number;
  /** Message ids of signed requests forgotten once their signature window had passed. */
  expiredMessageIds: number;
  /** False when the time budget ran out first; the next run resumes where this one stopped. */
  complete: boolean;
}

/**
 * Key rotation catch-up (grants and signing secrets), idle refreshes, audit retention and expired
 * replay ids, within a time budget. Re-encryption takes the grant's row lock, refreshes take its
 * refresh lease, and pruning deletes in batches, so overlapping runs on several instances (the
 * hourly timer, the cron route) are safe. A step already under way when the budget ends completes.
 */
export async function runMaintenance(
  broker: Broker,
  budgetMs = Infinity,
): Promise<MaintenanceReport> {
  const until = Date.now() + budgetMs;
  const keys = await reencryptGrants(broker, until);
  const secretKeys = await reencryptSigningSecrets(broker, until);
  const idle = await refreshIdleGrants(broker, Date.now(), until);
  const pruned = await pruneTokenRequests(broker.db, Date.now(), until);
  const expiredMessageIds = await pruneSignedRequestIds(broker);
  return {
    reencrypted: keys.rewritten + secretKeys.rewritten,
    unreadable: keys.unreadable + secretKeys.unreadable,
    refreshed: idle.refreshed,
    released: idle.released,
    failed: idle.failed,
    pruned,
    expiredMessageIds,
    complete: keys.complete && secretKeys.complete && idle.complete && Date.now() < until,
  };
}
