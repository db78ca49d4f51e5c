import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { testEngines, type TestDatabase } from "@/db/testing";
import { consume, consumeAll, peek, pruneRateLimits, reset } from "./shared-limiter";

const rule = { points: 3, windowSeconds: 60 };

describe.each(testEngines())("shared limiter on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  /** Moves a key's window end into the past, as if its minute had gone by. */
  async function endWindow(key: string) {
    await database.db
      .update(rateLimits)
      .set({ windowEnds: sql`now() - interval '1 second'` })
      .where(sql`${rateLimits.key} = ${key}`);
  }

  it("allows the rule's points per window, then refuses with the seconds left", async () => {
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await consume(database.db, "a", rule));
    expect(seen.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(seen.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    const retries = seen.map((d) => d.retryAfterSeconds);
    expect(retries.slice(0, 3)).toEqual([0, 0, 0]);
    expect(retries[3]).toBeGreaterThan(0);
    expect(retries[3]).toBeLessThanOrEqual(60);
    expect((await consume(database.db, "other", rule)).allowed).toBe(true);
  });

  it("starts a fresh window once the last one has ended", async () => {
    for (let i = 0; i < 4; i++) await consume(database.db, "b", rule);
    await endWindow("b");
    const fresh = await consume(database.db, "b", rule);
    expect(fresh).toMatchObject({ allowed: true, spent: 1, remaining: 2 });
  });

  it("peeks without spending, and says blocked once every point is spent", async () => {
    expect(await peek(database.db, "c", rule)).toMatchObject({ allowed: true, spent: 0 });
    for (let i = 0; i < 3; i++) await consume(database.db, "c", rule);
    const blocked = await peek(database.db, "c", rule);
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect((await peek(database.db, "c", rule)).spent).toBe(3);
    await reset(database.db, "c");
    expect(await peek(database.db, "c", rule)).toMatchObject({ allowed: true, spent: 0 });
  });

  it("spends several keys in one statement, each against its own rule", async () => {
    const loose = { points: 5, windowSeconds: 60 };
    let last = await consumeAll(database.db, [
      { key: "d:tight", rule },
      { key: "d:loose", rule: loose },
    ]);
    for (let i = 0; i < 3; i++)
      last = await consumeAll(database.db, [
        { key: "d:tight", rule },
        { key: "d:loose", rule: loose },
      ]);
    expect(last.map((d) => d.allowed)).toEqual([false, true]);
    expect(last.map((d) => d.spent)).toEqual([4, 4]);
  });

  it("prunes ended windows only", async () => {
    await consume(database.db, "e:ended", rule);
    await consume(database.db, "e:live", rule);
    await endWindow("e:ended");
    expect(await pruneRateLimits(database.db)).toBeGreaterThanOrEqual(1);
    const keys = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map(
      (r) => r.key,
    );
    expect(keys).toContain("e:live");
    expect(keys).not.toContain("e:ended");
  });

  it.runIf(engine.name === "postgres")(
    "loses no point when two connections consume at once",
    async () => {
      const other = await openDatabase({ kind: "postgres", url: database.url! });
      try {
        const many = { points: 1000, windowSeconds: 60 };
        await Promise.all(
          Array.from({ length: 12 }, (_, i) => consume(i % 2 ? other.db : database.db, "f", many)),
        );
        expect((await peek(database.db, "f", many)).spent).toBe(12);
      } finally {
        await other.close();
      }
    },
  );
});
