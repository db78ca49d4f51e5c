import type { Tx } from "@/db/client";
import {
  insertEventWithDeliveries,
  listOwnerEmails,
  listSubscribedEndpointIds,
  markBreakNotified,
} from "@/db/queries/outbox";
import type { BreakEvent, EventData, EventType } from "./types";

/**
 * Writes an event to the outbox with a delivery to each subscribed endpoint (and to each of
 * `recipients` by email), inside the transaction that makes the change it reports: both commit
 * together or neither does.
 */
export async function recordEvent<T extends EventType>(
  tx: Tx,
  tenantId: string,
  type: T,
  data: EventData[T],
  recipients: string[] = [],
): Promise<void> {
  const endpointIds = await listSubscribedEndpointIds(tx, tenantId, type);
  await insertEventWithDeliveries(
    tx,
    { tenantId, type, data: { ...data } },
    { endpointIds, recipients },
  );
}

/**
 * A connection broke: the event, and with `emailAlerts` one email to each owner, unless the owners
 * were already told of this break (a repeated deauthorization or refresh failure). The mark is
 * cleared by the next consent.
 */
export async function recordConnectionBreak(
  tx: Tx,
  alerts: { emailAlerts: boolean },
  tenantId: string,
  event: BreakEvent,
): Promise<void> {
  const recipients =
    alerts.emailAlerts && (await markBreakNotified(tx, tenantId))
      ? await listOwnerEmails(tx, tenantId)
      : [];
  await recordEvent(tx, tenantId, event.type, event.data, recipients);
}
