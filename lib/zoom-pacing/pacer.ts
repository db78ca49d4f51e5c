import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "@/db/client";
import { findZoomLimit, learnZoomLimit, reserveZoomSlot } from "@/db/queries/zoom-pacing";
import { ZoomUnavailableError } from "@/lib/zoom/errors";
import { lessonFrom, type Lesson } from "./limits";
import { watched } from "./observe";

/** The line for a Zoom account is longer than the bounded wait: the bot is told when to come back. */
export class PacingTimeoutError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    readonly maxWaitSeconds: number,
  ) {
    super(`Too many requests for this Zoom account: the line is longer than ${maxWaitSeconds} s`);
    this.name = "PacingTimeoutError";
  }
}

/** How long a process trusts the limit it last read or learned before reading the row again. */
const KNOWN_FOR_MS = 1000;
/** Accounts remembered per process; past this the memory starts over (each costs one read). */
const KNOWN_ACCOUNTS_MAX = 10_000;

/**
 * Paces calls to Zoom per Zoom account, across every instance, below the account's limit: the one
 * set in the dashboard, or the one learned from Zoom's answers, whichever is lower. Accounts with
 * neither are not paced (no database statement) until Zoom's answers say something.
 */
export class ZoomPacer {
  private readonly known = new Map<string, { limit: Promise<number | null>; at: number }>();

  constructor(
    readonly db: Db,
    readonly maxWaitMs: number,
  ) {}

  /** The calls one bot request makes for the account; `configured` is the dashboard's setting. */
  line(zoomAccountId: string, configured: number | null): PacedLine {
    return new PacedLine(this, zoomAccountId, configured);
  }

  learnedLimit(zoomAccountId: string): Promise<number | null> {
    const entry = this.known.get(zoomAccountId);
    if (entry && Date.now() - entry.at < KNOWN_FOR_MS) return entry.limit;
    const limit = findZoomLimit(this.db, zoomAccountId);
    limit.catch(() => this.known.delete(zoomAccountId));
    this.remember(zoomAccountId, limit);
    return limit;
  }

  remember(zoomAccountId: string, limit: number | null | Promise<number | null>): void {
    if (this.known.size >= KNOWN_ACCOUNTS_MAX) this.known.clear();
    this.known.set(zoomAccountId, { limit: Promise.resolve(limit), at: Date.now() });
  }
}

export class PacedLine {
  /** How long this request's calls waited for their slots. */
  pacedMs = 0;

  constructor(
    private readonly pacer: ZoomPacer,
    private readonly zoomAccountId: string,
    private readonly configured: number | null,
  ) {}

  /**
   * Runs `call` in the account's slot. A 429 teaches the limit and the call waits in line again, for
   * at most the bounded wait from the first attempt; then the 429 (or PacingTimeoutError) is thrown.
   */
  async call<T>(call: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.pacer.maxWaitMs;
    for (;;) {
      const learned = await this.pacer.learnedLimit(this.zoomAccountId);
      const limit = lower(learned, this.configured);
      if (limit !== null) await this.waitForSlot(limit, deadline);
      const answer = await watched(call);
      const rateLimited =
        !answer.ok &&
        answer.error instanceof ZoomUnavailableError &&
        answer.error.reason === "rate_limited";
      await this.learn(lessonFrom(answer.seen, rateLimited, limit), learned);
      if (answer.ok) return answer.value;
      if (!rateLimited || Date.now() >= deadline) throw answer.error;
    }
  }

  private async waitForSlot(limit: number, deadline: number): Promise<void> {
    const { db, maxWaitMs } = this.pacer;
    const slot = await reserveZoomSlot(
      db,
      this.zoomAccountId,
      limit,
      Math.max(0, deadline - Date.now()),
    );
    if (!slot.ok)
      throw new PacingTimeoutError(slot.retryAfterSeconds, Math.round(maxWaitMs / 1000));
    this.pacer.remember(this.zoomAccountId, slot.perSecond);
    if (slot.waitMs <= 0) return;
    await sleep(slot.waitMs);
    this.pacedMs += Math.round(slot.waitMs);
  }

  /** Writes only news: a limit other than the known one, or a pause. */
  private async learn(lesson: Lesson | null, learned: number | null): Promise<void> {
    if (!lesson || (lesson.pauseMs === 0 && lesson.limit === learned)) return;
    await learnZoomLimit(this.pacer.db, this.zoomAccountId, lesson);
    const limit = lesson.exact ? lesson.limit : lower(learned, lesson.limit);
    this.pacer.remember(this.zoomAccountId, limit);
  }
}

function lower(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
