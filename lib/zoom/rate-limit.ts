import { parseRetryAfter } from "./transport";

/** What one of Zoom's answers says about the account's rate limit (zoom-facts §8). */
export interface ZoomRateLimit {
  /** `X-RateLimit-Type`: "QPS" (per second) or "Daily-limit". */
  type: string | null;
  /** `X-RateLimit-Limit`: requests per second for QPS, per day for Daily-limit. */
  limit: number | null;
  remaining: number | null;
  /** From `Retry-After`, in seconds or as an ISO date; null when absent. */
  retryAfterSeconds: number | null;
}

const count = (value: string | null) => {
  const n = value === null ? NaN : Number(value);
  return Number.isInteger(n) && n >= 0 ? n : null;
};

/** The rate-limit headers of an answer; null when it carries none. */
export function readRateLimit(headers: Headers, now = Date.now()): ZoomRateLimit | null {
  const type = headers.get("x-ratelimit-type");
  const retryAfter = headers.get("retry-after");
  const info: ZoomRateLimit = {
    type,
    limit: count(headers.get("x-ratelimit-limit")),
    remaining: count(headers.get("x-ratelimit-remaining")),
    retryAfterSeconds: retryAfter === null ? null : parseRetryAfter(retryAfter, now),
  };
  return Object.values(info).every((v) => v === null) ? null : info;
}
