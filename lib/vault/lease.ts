import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** Time for the database writes around the Zoom call, on top of the Zoom calls themselves. */
const LEASE_MARGIN_MS = 2_000;

/**
 * How long a refresh lease lasts: up to two Zoom calls (one retry after a lost answer) and the
 * commit. A lease that outlives this belongs to a process that crashed or hung.
 */
export const leaseMsFor = (zoomTimeoutMs: number) => 2 * zoomTimeoutMs + LEASE_MARGIN_MS;

interface ProcessLeases {
  owner: string;
  /** Refreshes this process leads; shutdown waits for them. */
  leading: Set<Promise<unknown>>;
  draining: boolean;
}

// On globalThis: Next loads instrumentation (which handles SIGTERM) and each route bundle as separate
// module graphs, and they must agree on who this process is and what it leads.
const holder = globalThis as unknown as { __brokerLeases?: ProcessLeases };
const leases = (holder.__brokerLeases ??= {
  owner: `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
  leading: new Set(),
  draining: false,
});

/** This process's lease owner id. */
export const leaseOwner = () => leases.owner;

/** True once shutdown began: no background refresh starts any more. */
export const isDraining = () => leases.draining;

/** Tracks a refresh this process leads until it settles. */
export function trackLeading<T>(work: Promise<T>): Promise<T> {
  leases.leading.add(work);
  void work.then(
    () => leases.leading.delete(work),
    () => leases.leading.delete(work),
  );
  return work;
}

/**
 * Shutdown: stop starting background refreshes and wait (at most `boundMs`) for the refreshes this
 * process leads. Returns whether they all finished.
 */
export async function drainLeadingRefreshes(boundMs: number): Promise<boolean> {
  leases.draining = true;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), boundMs);
  });
  const settled = Promise.allSettled([...leases.leading]).then(() => true);
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
