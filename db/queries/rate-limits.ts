import { and, gt, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { rateLimits } from "../schema";
import { DELETE_BATCH_SIZE, deleteInBatches } from "./batches";

export interface CounterState {
  key: string;
  /** Points spent in the current window, this consumption included. */
  points: number;
  /** Whole seconds until the window ends (at least 1). */
  secondsLeft: number;
}

const secondsLeft = sql<number>`greatest(1, ceil(extract(epoch from (${rateLimits.windowEnds} - now()))))::int`;

/**
 * Adds `cost` points to each key in one statement, starting a fresh window (on the database clock)
 * for keys whose window has ended. Rows are locked one at a time by the upsert, so concurrent
 * instances never lose a point.
 */
export async function addRateLimitPoints(
  db: Db,
  counters: { key: string; cost: number; windowSeconds: number }[],
): Promise<CounterState[]> {
  if (counters.length === 0) return [];
  return db
    .insert(rateLimits)
    .values(
      counters.map((c) => ({
        key: c.key,
        points: c.cost,
        windowEnds: sql`now() + ${c.windowSeconds} * interval '1 second'`,
      })),
    )
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${rateLimits.windowEnds} <= now() then excluded.points else ${rateLimits.points} + excluded.points end`,
        windowEnds: sql`case when ${rateLimits.windowEnds} <= now() then excluded.window_ends else ${rateLimits.windowEnds} end`,
      },
    })
    .returning({ key: rateLimits.key, points: rateLimits.points, secondsLeft });
}

/** The current windows of these keys; keys without one (never used, or ended) are left out. */
export function findRateLimits(db: Db, keys: string[]): Promise<CounterState[]> {
  return db
    .select({ key: rateLimits.key, points: rateLimits.points, secondsLeft })
    .from(rateLimits)
    .where(and(inArray(rateLimits.key, keys), gt(rateLimits.windowEnds, sql`now()`)));
}

export async function deleteRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

/** Deletes ended windows in batches; stops after the batch that passes `until`. */
export function deleteEndedRateLimits(
  db: Db,
  batchSize = DELETE_BATCH_SIZE,
  until = Infinity,
): Promise<number> {
  return deleteInBatches(
    async (limit) => {
      const ended = db
        .select({ key: rateLimits.key })
        .from(rateLimits)
        .where(lte(rateLimits.windowEnds, sql`now()`))
        .limit(limit);
      const gone = await db
        .delete(rateLimits)
        .where(inArray(rateLimits.key, ended))
        .returning({ key: rateLimits.key });
      return gone.length;
    },
    batchSize,
    until,
  );
}
