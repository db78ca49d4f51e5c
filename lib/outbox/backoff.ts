/** Deliveries are retried for at least this long after they were queued, then marked failed. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** No wait between two attempts is longer than this (unless the base delay itself is). */
export const MAX_RETRY_DELAY_SECONDS = 60 * 60;

/** The wait after the `attempts`-th failed attempt: the base, doubling each time, capped at an hour. */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  const doubled = baseSeconds * 2 ** Math.min(Math.max(attempts - 1, 0), 20);
  return Math.min(doubled, Math.max(MAX_RETRY_DELAY_SECONDS, baseSeconds));
}

/**
 * When to try a failed delivery again, or null to give up: retries go on while the delivery is less
 * than RETRY_WINDOW_MS old, so the last one starts at least 24 hours after it was queued.
 */
export function nextRetryAt(
  queuedAt: Date,
  attempts: number,
  baseSeconds: number,
  now = new Date(),
): Date | null {
  if (now.getTime() - queuedAt.getTime() >= RETRY_WINDOW_MS) return null;
  return new Date(now.getTime() + retryDelaySeconds(attempts, baseSeconds) * 1000);
}
