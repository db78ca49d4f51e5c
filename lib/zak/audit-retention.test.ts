import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteTokenRequestsBefore } from "@/db/queries/token-requests";
import { tokenRequests } from "@/db/schema";
import { testEngines, type TestDatabase } from "@/db/testing";
import { pruneTokenRequests, TOKEN_REQUEST_RETENTION_DAYS } from "./audit-retention";

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testEngines())("token request retention on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  async function insertAged(ageDays: number[], now: number) {
    await database.db.insert(tokenRequests).values(
      ageDays.map((days) => ({
        tenantId: null,
        secretId: null,
        kind: "zak",
        outcome: "bad_secret",
        status: 401,
        latencyMs: days,
        clientIp: null,
        createdAt: new Date(now - days * DAY_MS),
      })),
    );
  }

  async function remainingAges() {
    const rows = await database.db
      .select({ latencyMs: tokenRequests.latencyMs })
      .from(tokenRequests);
    return rows.map((r) => r.latencyMs).sort((a, b) => a - b);
  }

  it(`deletes requests older than ${TOKEN_REQUEST_RETENTION_DAYS} days and keeps the rest`, async () => {
    const now = Date.now();
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- empties the test's own table
    await database.db.delete(tokenRequests);
    await insertAged([0, 1, 89, 91, 120, 400], now);
    expect(await pruneTokenRequests(database.db, now)).toBe(3);
    expect(await remainingAges()).toEqual([0, 1, 89]);
    expect(await pruneTokenRequests(database.db, now)).toBe(0);
  });

  it("works through more rows than one batch", async () => {
    const now = Date.now();
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- empties the test's own table
    await database.db.delete(tokenRequests);
    await insertAged([10, 11, 12, 13, 14, 15, 16, 1], now);
    expect(await deleteTokenRequestsBefore(database.db, new Date(now - 5 * DAY_MS), 3)).toBe(7);
    expect(await remainingAges()).toEqual([1]);
  });
});
