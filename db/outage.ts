// Whether the database is known to be unreachable, shared by every module graph of the process (the
// proxy reads it to answer pages with 503). No imports: the proxy bundle stays free of database code.

interface Outage {
  /** When the current outage was first noticed, or null while the database answers. */
  since: number | null;
  failures: number;
  /** No new connection attempt before this time (ms). */
  retryAt: number;
}

const MAX_BACKOFF_MS = 5_000;

export const outage = ((globalThis as unknown as { __brokerDbOutage?: Outage }).__brokerDbOutage ??=
  { since: null, failures: 0, retryAt: 0 });

/** Seconds a client should wait before retrying, at least 1. */
export function retryAfterSeconds(now = Date.now()): number {
  return Math.max(1, Math.ceil((outage.retryAt - now) / 1000));
}

/** Backs off further; true when this failure starts a new outage (so it is logged once). */
export function recordUnreachable(now = Date.now()): boolean {
  outage.failures++;
  outage.retryAt = now + Math.min(250 * 2 ** outage.failures, MAX_BACKOFF_MS);
  if (outage.since !== null) return false;
  outage.since = now;
  return true;
}

/** Ends an outage; returns how long it lasted (ms), or null when there was none. */
export function recordReachable(now = Date.now()): number | null {
  outage.failures = 0;
  outage.retryAt = 0;
  if (outage.since === null) return null;
  const lasted = now - outage.since;
  outage.since = null;
  return lasted;
}
