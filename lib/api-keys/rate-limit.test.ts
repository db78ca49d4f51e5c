import { afterAll, beforeAll, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "@/db/testing";
import { API_KEY_LIMIT, throwIfOverLimit } from "./rate-limit";

const pglite = testEngines()[0]!;
let database: TestDatabase;

beforeAll(async () => {
  database = await pglite.open();
});
afterAll(async () => {
  await database.close();
});

it("allows a key its requests of the minute, then answers 429 with Retry-After, per key", async () => {
  for (let i = 0; i < API_KEY_LIMIT.points; i++) await throwIfOverLimit(database.db, "key-a");
  const refused = throwIfOverLimit(database.db, "key-a");
  await expect(refused).rejects.toMatchObject({ code: "rate_limited", status: 429 });
  const retryAfter = await refused.catch(
    (err: { retryAfterSeconds: number }) => err.retryAfterSeconds,
  );
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(API_KEY_LIMIT.windowSeconds);
  await expect(throwIfOverLimit(database.db, "key-b")).resolves.toBeUndefined();
});
