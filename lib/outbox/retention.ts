import type { Db } from "@/db/client";
import {
  deleteEventsWithoutDeliveriesBefore,
  deleteFinishedDeliveriesBefore,
} from "@/db/queries/outbox";
import { RECENT_DELIVERIES } from "@/lib/webhooks/listing";

/**
 * How long delivered and given-up deliveries are kept: long past their 24 hours of retries, for
 * looking into an endpoint's history. Each endpoint's latest deliveries stay, whatever their age,
 * since the dashboard lists them (and resends from them).
 */
export const DELIVERY_RETENTION_DAYS = 30;

/**
 * Deletes finished deliveries older than the retention period (but not an endpoint's listed ones),
 * then the events left with no delivery; stops after the batch that passes `until`.
 */
export async function pruneOutbox(
  db: Db,
  now = Date.now(),
  until = Infinity,
): Promise<{ deliveries: number; events: number }> {
  const cutoff = new Date(now - DELIVERY_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const deliveries = await deleteFinishedDeliveriesBefore(
    db,
    cutoff,
    RECENT_DELIVERIES,
    undefined,
    until,
  );
  const events = await deleteEventsWithoutDeliveriesBefore(db, cutoff, undefined, until);
  return { deliveries, events };
}
