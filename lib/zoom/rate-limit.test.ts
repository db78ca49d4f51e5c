import { describe, expect, it } from "vitest";
import { readRateLimit } from "./rate-limit";

describe("readRateLimit", () => {
  const now = Date.parse("2025-08-22T23:59:30Z");

  it("reads a QPS answer with Retry-After in seconds", () => {
    const headers = new Headers({
      "X-RateLimit-Category": "Light",
      "X-RateLimit-Type": "QPS",
      "X-RateLimit-Limit": "30",
      "X-RateLimit-Remaining": "0",
      "Retry-After": "1",
    });
    expect(readRateLimit(headers, now)).toEqual({
      type: "QPS",
      limit: 30,
      remaining: 0,
      retryAfterSeconds: 1,
    });
  });

  it("reads the daily limit's Retry-After as an ISO date", () => {
    const headers = new Headers({
      "X-RateLimit-Type": "Daily-limit",
      "X-RateLimit-Limit": "6000",
      "X-RateLimit-Remaining": "0",
      "Retry-After": "2025-08-23T00:00:00Z",
    });
    expect(readRateLimit(headers, now)).toMatchObject({
      type: "Daily-limit",
      retryAfterSeconds: 30,
    });
  });

  it("is null without rate-limit headers, and ignores malformed counts", () => {
    expect(readRateLimit(new Headers({ "content-type": "application/json" }))).toBeNull();
    expect(readRateLimit(new Headers({ "X-RateLimit-Limit": "many" }))).toBeNull();
  });
});
