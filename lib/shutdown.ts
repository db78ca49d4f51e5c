import { getDb } from "@/db";
import { abandonRefreshLeases } from "@/db/queries/grants";
import { releaseDeliveryLeases } from "@/db/queries/outbox";
import { errorFields } from "./log/error-fields";
import { getLogger } from "./log/logger";
import type { DeliveryWorker } from "./outbox/worker";
import { drainLeadingRefreshes, leaseMsFor, leaseOwner } from "./vault/lease";

/** After this long, in-flight requests are cut off and the process exits anyway. */
const REQUEST_GRACE_MS = 10_000;

/**
 * Graceful shutdown on SIGTERM. `next start` (and the standalone server) already stops accepting
 * connections, waits for the requests in flight and then calls process.exit. Refreshes this process
 * leads in the background (refresh ahead, maintenance) are not requests, so exit is held back until
 * they finish, within one lease length; leases still held then are released and marked interrupted,
 * so another instance takes over at once. Requests get a bound too. The outbox worker stops polling,
 * records the attempts under way, and frees its delivery leases.
 */
export function installShutdown(zoomTimeoutMs: number, deliveries: DeliveryWorker) {
  // With NEXT_MANUAL_SIG_HANDLE the application owns the signals; Next does not exit on its own.
  if (process.env.NEXT_MANUAL_SIG_HANDLE) return;
  process.once("SIGTERM", () => {
    const exit = process.exit.bind(process);
    const leaseMs = leaseMsFor(zoomTimeoutMs);
    getLogger().info("SIGTERM: finishing requests and refreshes in flight");
    const drained = releaseLeases(leaseMs, deliveries);
    process.exit = ((code?: number) => {
      void drained.finally(() => exit(code));
    }) as typeof process.exit;
    setTimeout(() => void drained.finally(() => exit(143)), leaseMs + REQUEST_GRACE_MS).unref();
  });
}

async function releaseLeases(leaseMs: number, deliveries: DeliveryWorker) {
  const [finished] = await Promise.all([drainLeadingRefreshes(leaseMs), deliveries.stop()]);
  try {
    const db = await getDb();
    const abandoned = await abandonRefreshLeases(db, leaseOwner());
    const deliveriesReleased = await releaseDeliveryLeases(db, leaseOwner());
    getLogger().info({ finished, abandoned, deliveriesReleased }, "refresh leases released");
  } catch (err) {
    // The leases run out by themselves; the next refresher then marks the grants interrupted.
    getLogger().warn({ error: errorFields(err) }, "could not release refresh leases");
  }
}
