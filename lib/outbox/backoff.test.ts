import { describe, expect, it } from "vitest";
import { nextRetryAt, RETRY_WINDOW_MS, retryDelaySeconds } from "./backoff";

describe("retryDelaySeconds", () => {
  it("starts at the base and doubles, capped at an hour", () => {
    const delays = Array.from({ length: 10 }, (_, i) => retryDelaySeconds(i + 1, 30));
    expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it("follows a small base for tests: 1, 2, 4 s", () => {
    expect([1, 2, 3].map((n) => retryDelaySeconds(n, 1))).toEqual([1, 2, 4]);
  });
});

describe("nextRetryAt", () => {
  const queuedAt = new Date("2026-01-01T00:00:00Z");

  it("keeps retrying for at least 24 hours, then gives up", () => {
    // Walk the whole schedule of a delivery that never succeeds.
    let now = queuedAt;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextRetryAt(queuedAt, attempts, 30, now);
      if (!next) break;
      now = next;
    }
    const lastAttemptAfterMs = now.getTime() - queuedAt.getTime();
    expect(lastAttemptAfterMs).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    expect(lastAttemptAfterMs).toBeLessThan(RETRY_WINDOW_MS + 3600_000);
    expect(attempts).toBe(31);
  });

  it("schedules the retry the delay after now", () => {
    const now = new Date(queuedAt.getTime() + 90_000);
    expect(nextRetryAt(queuedAt, 3, 30, now)).toEqual(new Date(now.getTime() + 120_000));
  });
});
