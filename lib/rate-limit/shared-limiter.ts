import type { Db } from "@/db/client";
import {
  addRateLimitPoints,
  deleteEndedRateLimits,
  deleteRateLimit,
  findRateLimits,
  type CounterState,
} from "@/db/queries/rate-limits";

/*
 * Fixed-window limits kept in the database (`rate_limits`), so every instance shares one count and
 * a restart forgets nothing. One atomic upsert per consumption, on the database clock.
 * rate-limiter-flexible's PostgreSQL/Drizzle stores were not used: their computed dynamic imports
 * break Next's bundling and the standalone output, and one small table does the same job.
 */

export interface LimitRule {
  /** Points allowed per window. */
  points: number;
  windowSeconds: number;
}

export interface LimitDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds until the window ends. */
  retryAfterSeconds: number;
  /** Points left in the window. */
  remaining: number;
  /** Points spent in the window (1 on the first consumption of a fresh window). */
  spent: number;
}

// Keys carry client-chosen parts (slugs, emails): bound their size.
const MAX_KEY_LENGTH = 300;

function decide(rule: LimitRule, state: CounterState | undefined): LimitDecision {
  const spent = state?.points ?? 0;
  const allowed = spent <= rule.points;
  return {
    allowed,
    retryAfterSeconds: allowed ? 0 : (state?.secondsLeft ?? 0),
    remaining: Math.max(0, rule.points - spent),
    spent,
  };
}

/** Spends one point of each key in one statement; a decision per key, in order. */
export async function consumeAll(
  db: Db,
  limits: { key: string; rule: LimitRule }[],
): Promise<LimitDecision[]> {
  const bounded = limits.map((l) => ({ key: l.key.slice(0, MAX_KEY_LENGTH), rule: l.rule }));
  const states = await addRateLimitPoints(
    db,
    bounded.map((l) => ({ key: l.key, cost: 1, windowSeconds: l.rule.windowSeconds })),
  );
  const byKey = new Map(states.map((s) => [s.key, s]));
  return bounded.map((l) => decide(l.rule, byKey.get(l.key)));
}

/** Spends one point of `key`: allowed while the window's points stay within `rule.points`. */
export async function consume(db: Db, key: string, rule: LimitRule): Promise<LimitDecision> {
  const [decision] = await consumeAll(db, [{ key, rule }]);
  return decision ?? decide(rule, undefined);
}

/** Whether each key's next consumption would be refused, in one query, without spending a point. */
export async function peekAll(
  db: Db,
  limits: { key: string; rule: LimitRule }[],
): Promise<LimitDecision[]> {
  const bounded = limits.map((l) => ({ key: l.key.slice(0, MAX_KEY_LENGTH), rule: l.rule }));
  const states = await findRateLimits(
    db,
    bounded.map((l) => l.key),
  );
  const byKey = new Map(states.map((s) => [s.key, s]));
  return bounded.map(({ key, rule }) => {
    const state = byKey.get(key);
    const spent = state?.points ?? 0;
    const blocked = state !== undefined && spent >= rule.points;
    return {
      allowed: !blocked,
      retryAfterSeconds: blocked ? state.secondsLeft : 0,
      remaining: Math.max(0, rule.points - spent),
      spent,
    };
  });
}

/** Whether `key`'s next consumption would be refused, without spending a point. */
export async function peek(db: Db, key: string, rule: LimitRule): Promise<LimitDecision> {
  const [decision] = await peekAll(db, [{ key, rule }]);
  return decision ?? decide(rule, undefined);
}

/** Forgets a key's window (after a success that should wipe the slate). */
export function reset(db: Db, key: string): Promise<void> {
  return deleteRateLimit(db, key.slice(0, MAX_KEY_LENGTH));
}

/** Deletes ended windows (maintenance); stops after the batch that passes `until`. */
export function pruneRateLimits(db: Db, until = Infinity): Promise<number> {
  return deleteEndedRateLimits(db, undefined, until);
}
