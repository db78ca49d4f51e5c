import { describe, expect, it } from "vitest";
import { lessonFrom, stepDown } from "./limits";

const qps = { type: "QPS", limit: null, remaining: null, retryAfterSeconds: null };

describe("lessonFrom", () => {
  it("takes the per-second limit Zoom states, and pauses for a spent window", () => {
    expect(lessonFrom({ ...qps, limit: 30, remaining: 12 }, false, null)).toEqual({
      limit: 30,
      exact: true,
      pauseMs: 0,
    });
    expect(lessonFrom({ ...qps, limit: 30, remaining: 0 }, false, 30)).toEqual({
      limit: 30,
      exact: true,
      pauseMs: 1000,
    });
  });

  it("pauses for a QPS 429's Retry-After in seconds", () => {
    expect(lessonFrom({ ...qps, limit: 5, retryAfterSeconds: 2 }, true, null)).toEqual({
      limit: 5,
      exact: true,
      pauseMs: 2000,
    });
  });

  it("pauses until a daily 429's ISO Retry-After without lowering the per-second limit", () => {
    const daily = { type: "Daily-limit", limit: 6000, remaining: 0, retryAfterSeconds: 3600 };
    expect(lessonFrom(daily, true, 30)).toEqual({ limit: 30, exact: false, pauseMs: 3_600_000 });
    // A daily header on a served answer says nothing of the per-second limit.
    expect(lessonFrom({ ...daily, remaining: 10 }, false, 30)).toBeNull();
  });

  it("steps a plan down after a 429 that names no limit", () => {
    expect(lessonFrom(qps, true, null)).toEqual({ limit: 80, exact: false, pauseMs: 1000 });
    expect(lessonFrom(null, true, 80)).toMatchObject({ limit: 30, exact: false });
    expect([30, 4, 2].map(stepDown)).toEqual([4, 2, 1]);
  });

  it("learns nothing from an answer without rate-limit headers", () => {
    expect(lessonFrom(null, false, null)).toBeNull();
  });
});
