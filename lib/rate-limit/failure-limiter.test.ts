import { describe, expect, it } from "vitest";
import { FailureLimiter, sharedFailureLimiter } from "./failure-limiter";

describe("FailureLimiter", () => {
  it("blocks a key after the limit within the window, and forgets it afterwards", () => {
    const limiter = new FailureLimiter(3, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("1.2.3.4", 1000)).toBe(0);
      limiter.recordFailure("1.2.3.4", 1000);
    }
    expect(limiter.retryAfter("1.2.3.4", 1000)).toBe(60);
    expect(limiter.retryAfter("5.6.7.8", 1000)).toBe(0);
    expect(limiter.retryAfter("1.2.3.4", 61_000)).toBe(0);
  });

  it("forgets a key's failures when cleared", () => {
    const limiter = new FailureLimiter(2, 60_000);
    limiter.recordFailure("a@example.com", 1000);
    limiter.recordFailure("a@example.com", 1000);
    expect(limiter.retryAfter("a@example.com", 1000)).toBe(60);
    limiter.clear("a@example.com");
    expect(limiter.retryAfter("a@example.com", 1000)).toBe(0);
  });

  it("hands out one limiter per name for the whole process", () => {
    expect(sharedFailureLimiter("test", 1, 1000)).toBe(sharedFailureLimiter("test", 1, 1000));
    expect(sharedFailureLimiter("test", 1, 1000)).not.toBe(sharedFailureLimiter("other", 1, 1000));
  });
});
