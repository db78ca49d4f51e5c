import { databaseOutage } from "@/db";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import { deliverDue, type OutboxContext } from "./deliver";

/** How often a long-lived process looks for due deliveries. */
const POLL_MS = 1_000;
/** One round's budget, so a long backlog does not hold shutdown back. */
const ROUND_MS = 30_000;

export interface DeliveryWorker {
  /** Stops polling and waits for the round in progress to record its attempts. */
  stop(): Promise<void>;
}

/**
 * The outbox delivery loop of a long-lived process. Serverless hosts have none: the maintenance round
 * (cron route) sends what is due instead. Instances running both at once are safe: deliveries are leased.
 */
export function startDeliveryWorker(context: () => Promise<OutboxContext>): DeliveryWorker {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      try {
        await deliverDue(await context(), Date.now() + ROUND_MS);
      } catch (err) {
        // An outage is logged once by the database layer; anything else is worth a line.
        if (!databaseOutage(err))
          getLogger().error({ error: errorFields(err) }, "outbox delivery round failed");
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, POLL_MS).unref();
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
