import { deleteExpiredIdempotentRequests } from "@/db/queries/idempotent-requests";
import type { Broker } from "./broker";
import { pruneConnectLinks } from "./connect-links/retention";
import { deliverDue } from "./outbox/deliver";
import { pruneOutbox } from "./outbox/retention";
import { pruneRateLimits } from "./rate-limit/shared-limiter";
import { pruneSignedRequestIds } from "./signatures/replay-ids";
import { refreshIdleGrants } from "./vault/maintenance";
import { pruneTokenRequests } from "./zak/audit-retention";

export interface MaintenanceReport {
  refreshed: number;
  released: number;
  failed: number;
  pruned: number;
  /** Message ids of signed requests forgotten once their signature window had passed. */
  expiredMessageIds: number;
  /** Webhooks and emails of the outbox sent, scheduled again after a failed attempt, and given up. */
  deliveries: { delivered: number; retrying: number; failed: number };
  /** Stored API answers forgotten once their Idempotency-Key expired. */
  expiredIdempotentAnswers: number;
  /** Rate-limit windows deleted once ended. */
  expiredRateLimits: number;
  /** Delivered and given-up webhooks and emails deleted after 30 days (not an endpoint's listed ones). */
  prunedDeliveries: number;
  /** Outbox events deleted once older than 30 days with no delivery left. */
  prunedEvents: number;
  /** Connect links deleted 7 days after they were used, revoked or expired. */
  prunedConnectLinks: number;
  /** False when the time budget ran out first; the next run resumes where this one stopped. */
  complete: boolean;
}

/**
 * Idle refreshes, audit retention, expired replay ids, ended rate-limit windows, stored API answers,
 * due outbox deliveries (webhooks, emails: on serverless hosts this is what sends them), and the
 * retention of finished deliveries and closed connect links, within a time budget. Idle refreshes
 * take the grant's refresh lease and pruning deletes in batches, so overlapping runs on several
 * instances (the hourly timer, the cron route) are safe. A step already under way when the budget
 * ends completes. Key rotation is not part of it: during a rolling deploy an instance cannot know
 * that every other one already has the new key, so re-encryption waits for `npm run vault:rotate`.
 */
export async function runMaintenance(
  broker: Broker,
  budgetMs = Infinity,
): Promise<MaintenanceReport> {
  const until = Date.now() + budgetMs;
  const idle = await refreshIdleGrants(broker, Date.now(), until);
  const pruned = await pruneTokenRequests(broker.db, Date.now(), until);
  const expiredMessageIds = await pruneSignedRequestIds(broker);
  const { complete: deliveriesComplete, ...deliveries } = await deliverDue(broker, until);
  const expiredIdempotentAnswers = await deleteExpiredIdempotentRequests(broker.db);
  const expiredRateLimits = await pruneRateLimits(broker.db, until);
  const outbox = await pruneOutbox(broker.db, Date.now(), until);
  const prunedConnectLinks = await pruneConnectLinks(broker.db, Date.now(), until);
  return {
    refreshed: idle.refreshed,
    released: idle.released,
    failed: idle.failed,
    pruned,
    expiredMessageIds,
    expiredIdempotentAnswers,
    deliveries,
    expiredRateLimits,
    prunedDeliveries: outbox.deliveries,
    prunedEvents: outbox.events,
    prunedConnectLinks,
    complete: idle.complete && deliveriesComplete && Date.now() < until,
  };
}
