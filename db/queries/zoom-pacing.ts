import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { zoomAccountPacing } from "../schema";

/** Calls are paced this far below the account's limit, so jitter on the way never crosses it. */
const HEADROOM = 0.8;

/** Milliseconds between two calls of an account whose Light limit is `limit` per second. */
const gapMs = (limit: SQL) =>
  sql`(1000.0 / greatest(1, floor(${limit} * ${sql.raw(String(HEADROOM))})))`;

const integer = (n: number | null) => sql`${n}::integer`;
const millis = (ms: number) => sql`${ms}::double precision * interval '1 millisecond'`;

/** A reserved slot: when (epoch ms, database clock) and how long from now; or a refusal. */
export type Reservation =
  | { ok: true; slotMs: number; waitMs: number; perSecond: number | null }
  | { ok: false; retryAfterSeconds: number };

/**
 * Takes the account's next call slot, at most `maxWaitMs` ahead, in one statement on the database's
 * clock: the row lock orders concurrent reservations from every instance, so slots never overlap.
 * The gap between slots follows the lower of `limit` and the limit the row has learned. When the
 * line is longer than `maxWaitMs` nothing is reserved, and the answer says when it will have drained.
 */
export async function reserveZoomSlot(
  db: Db,
  zoomAccountId: string,
  limit: number,
  maxWaitMs: number,
): Promise<Reservation> {
  const p = zoomAccountPacing;
  const effective = sql`least(coalesce(${p.perSecond}, ${integer(limit)}), ${integer(limit)})`;
  // In the update, excluded.updated_at is this statement's clock reading.
  const start = sql`greatest(${p.nextSlotAt}, excluded.updated_at)`;
  const ms = sql`interval '1 millisecond'`;
  const [row] = await db
    .insert(p)
    .values({
      zoomAccountId,
      nextSlotAt: sql`clock_timestamp() + ${gapMs(integer(limit))} * ${ms}`,
      updatedAt: sql`clock_timestamp()`,
    })
    .onConflictDoUpdate({
      target: p.zoomAccountId,
      set: {
        nextSlotAt: sql`${start} + ${gapMs(effective)} * ${ms}`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`${start} <= excluded.updated_at + ${millis(maxWaitMs)}`,
    })
    .returning({
      slotMs: sql<string>`extract(epoch from ${p.nextSlotAt}) * 1000 - ${gapMs(effective)}`,
      waitMs: sql<string>`extract(epoch from (${p.nextSlotAt} - ${p.updatedAt})) * 1000 - ${gapMs(effective)}`,
      perSecond: p.perSecond,
    });
  if (row) {
    const { slotMs, waitMs, perSecond } = row;
    return { ok: true, slotMs: Number(slotMs), waitMs: Math.max(0, Number(waitMs)), perSecond };
  }
  const [line] = await db
    .select({ aheadS: sql<string>`extract(epoch from (${p.nextSlotAt} - clock_timestamp()))` })
    .from(p)
    .where(eq(p.zoomAccountId, zoomAccountId));
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(line?.aheadS ?? 1))) };
}

/**
 * Records what Zoom said about the account: its limit (`exact` from a header; otherwise only ever
 * lowered), and a pause no call may start within (Retry-After, or a spent per-second window).
 */
export async function learnZoomLimit(
  db: Db,
  zoomAccountId: string,
  lesson: { limit: number | null; exact: boolean; pauseMs: number },
): Promise<void> {
  const p = zoomAccountPacing;
  const limit = integer(lesson.limit);
  await db
    .insert(p)
    .values({
      zoomAccountId,
      perSecond: lesson.limit,
      nextSlotAt: sql`clock_timestamp() + ${millis(lesson.pauseMs)}`,
      updatedAt: sql`clock_timestamp()`,
    })
    .onConflictDoUpdate({
      target: p.zoomAccountId,
      set: {
        perSecond: lesson.exact
          ? sql`coalesce(${limit}, ${p.perSecond})`
          : sql`least(coalesce(${p.perSecond}, ${limit}), ${limit})`,
        nextSlotAt: sql`greatest(${p.nextSlotAt}, excluded.next_slot_at)`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** The limit the account has learned, if any. */
export async function findZoomLimit(db: Db, zoomAccountId: string): Promise<number | null> {
  const [row] = await db
    .select({ perSecond: zoomAccountPacing.perSecond })
    .from(zoomAccountPacing)
    .where(eq(zoomAccountPacing.zoomAccountId, zoomAccountId));
  return row?.perSecond ?? null;
}
