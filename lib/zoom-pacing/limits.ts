import type { ZoomRateLimit } from "@/lib/zoom/rate-limit";

/** Zoom's Light limit per second by plan (zoom-facts §8); the dashboard offers these or a custom one. */
export const ZOOM_PLAN_LIMITS = { free: 4, pro: 30, business: 80 } as const;

/** Zoom's highest Light limit: no account allows more. */
const HIGHEST = ZOOM_PLAN_LIMITS.business;

const TIERS_DOWN = [ZOOM_PLAN_LIMITS.business, ZOOM_PLAN_LIMITS.pro, ZOOM_PLAN_LIMITS.free];

/** After a 429 that names no limit: the next plan below what was assumed, then halves. */
export function stepDown(assumed: number | null): number {
  if (assumed === null) return HIGHEST;
  return TIERS_DOWN.find((tier) => tier < assumed) ?? Math.max(1, Math.floor(assumed / 2));
}

/** What to record about an account after one of Zoom's answers. */
export interface Lesson {
  /** The account's limit per second; `exact` when Zoom stated it, otherwise it may only go down. */
  limit: number | null;
  exact: boolean;
  /** No call of the account may start within this (Retry-After, or a spent per-second window). */
  pauseMs: number;
}

const isQps = (seen: ZoomRateLimit | null) => seen?.type?.toUpperCase() === "QPS";

/**
 * What an answer teaches: a QPS limit Zoom states in `X-RateLimit-Limit`; a window with nothing
 * `Remaining`; a 429's `Retry-After` (seconds, or the daily limit's ISO date). A 429 that names no
 * per-second limit lowers the assumed one a plan at a time. Null when there is nothing to record.
 */
export function lessonFrom(
  seen: ZoomRateLimit | null,
  rateLimited: boolean,
  assumed: number | null,
): Lesson | null {
  const retryAfterMs = (seen?.retryAfterSeconds ?? 1) * 1000;
  if (isQps(seen) && seen?.limit != null) {
    const pauseMs = rateLimited ? retryAfterMs : seen.remaining === 0 ? 1000 : 0;
    return { limit: seen.limit, exact: true, pauseMs };
  }
  if (!rateLimited) return null;
  // The daily cap says nothing of the per-second limit; pacing keeps the account in line until then.
  if (seen?.type === "Daily-limit")
    return { limit: assumed ?? HIGHEST, exact: false, pauseMs: retryAfterMs };
  return { limit: stepDown(assumed), exact: false, pauseMs: retryAfterMs };
}
