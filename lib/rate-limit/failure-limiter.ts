/** Counts failures per key (a client address, an email) in a fixed window, per process, to slow down guessing. */
export class FailureLimiter {
  private windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until the key may try again, or 0 when it is not blocked. */
  retryAfter(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) return 0;
    return w.failures >= this.maxFailures ? Math.ceil((w.start + this.windowMs - now) / 1000) : 0;
  }

  /** Forgets the key's failures (after a success). */
  clear(key: string): void {
    this.windows.delete(key);
  }

  recordFailure(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.prune(now);
      this.windows.set(key, { start: now, failures: 1 });
    } else {
      w.failures += 1;
    }
  }

  private prune(now: number) {
    for (const [key, w] of this.windows)
      if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

const shared = ((
  globalThis as unknown as { __failureLimiters?: Map<string, FailureLimiter> }
).__failureLimiters ??= new Map<string, FailureLimiter>());

/** One limiter per name for the whole process: Next may load a module once per route bundle. */
export function sharedFailureLimiter(
  name: string,
  maxFailures: number,
  windowMs: number,
): FailureLimiter {
  let limiter = shared.get(name);
  if (!limiter) {
    limiter = new FailureLimiter(maxFailures, windowMs);
    shared.set(name, limiter);
  }
  return limiter;
}
