import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApiKey } from "@/db/queries/api-keys";
import { findIdempotentRequest } from "@/db/queries/idempotent-requests";
import { insertUser } from "@/db/queries/users";
import { testEngines, type TestDatabase } from "@/db/testing";
import { generateKeyringValue, parseKeyring } from "@/lib/crypto/keyring";
import { ApiError } from "../errors";
import { runIdempotently } from "./idempotency";

const keyring = parseKeyring(generateKeyringValue("k1"));

describe.each(testEngines())("idempotent POSTs on $name", (engine) => {
  let database: TestDatabase;
  let apiKeyId: string;

  beforeAll(async () => {
    database = await engine.open();
    const user = await insertUser(database.db, {
      email: `idem-${Date.now()}@example.com`,
      name: null,
      passwordHash: "x",
    });
    apiKeyId = (
      await insertApiKey(database.db, {
        name: "test",
        prefix: "zbk_test",
        keyHash: `hash-${Date.now()}`,
        createdByUserId: user!.id,
        tenantIds: null,
      })
    ).id;
  });
  afterAll(async () => {
    await database.close();
  });

  const request = (idempotencyKey: string, body = '{"name":"Acme"}') => ({
    apiKeyId,
    idempotencyKey,
    method: "POST",
    path: "/api/v1/tenants",
    body,
  });

  it("runs once, replays the answer to a retry, and stores it sealed", async () => {
    let runs = 0;
    const run = () => {
      runs++;
      return Promise.resolve({ status: 201, body: { secret: "zak_shown_once", n: runs } });
    };
    const first = await runIdempotently(database.db, keyring, request("k-1"), run);
    const retry = await runIdempotently(database.db, keyring, request("k-1"), run);
    expect(runs).toBe(1);
    expect(first).toEqual({
      status: 201,
      body: { secret: "zak_shown_once", n: 1 },
      replayed: false,
    });
    expect(retry).toEqual({ ...first, replayed: true });
    const row = await findIdempotentRequest(database.db, apiKeyId, "k-1");
    expect(row?.responseEnc).toMatch(/^v1\.k1\./);
    expect(row?.responseEnc).not.toContain("zak_shown_once");
  });

  it("refuses the same key with another body (422)", async () => {
    const run = () => Promise.resolve({ status: 201, body: {} });
    await runIdempotently(database.db, keyring, request("k-2"), run);
    const other = runIdempotently(database.db, keyring, request("k-2", '{"name":"B"}'), run);
    await expect(other).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("frees the key when the request fails, so a retry runs again", async () => {
    const failing = () => Promise.reject(new ApiError("conflict", "Slug in use"));
    await expect(runIdempotently(database.db, keyring, request("k-3"), failing)).rejects.toThrow(
      "Slug in use",
    );
    const ok = () => Promise.resolve({ status: 201, body: { ok: true } });
    const again = await runIdempotently(database.db, keyring, request("k-3"), ok);
    expect(again).toEqual({ status: 201, body: { ok: true }, replayed: false });
  });

  it("runs concurrent duplicates once: the others wait for the answer or are told to retry", async () => {
    let runs = 0;
    const slow = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { status: 201, body: { made: "one" } };
    };
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => runIdempotently(database.db, keyring, request("k-4"), slow)),
    );
    expect(runs).toBe(1);
    for (const result of results) {
      if (result.status === "fulfilled") expect(result.value.body).toEqual({ made: "one" });
      else expect(result.reason).toMatchObject({ code: "conflict", retryAfterSeconds: 1 });
    }
    expect(results.filter((r) => r.status === "fulfilled" && !r.value.replayed)).toHaveLength(1);
  });
});
