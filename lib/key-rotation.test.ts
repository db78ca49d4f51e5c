import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findConnection } from "@/db/queries/connections";
import { findSealedRow, rewriteSealedRow } from "@/db/queries/sealed-columns";
import { zoomGrants } from "@/db/schema";
import { SEALED_TABLES } from "@/db/sealed-columns";
import { testEngines, type TestDatabase } from "@/db/testing";
import { generateKeyringValue, parseKeyring, type Keyring } from "@/lib/crypto/keyring";
import { mintToken } from "@/lib/zak/mint";
import {
  connectZoomUser,
  createTenant,
  expireCachedAccessToken,
  grantOf,
  testVault,
} from "@/lib/vault/testing";
import { countUndecryptable, describeUndecryptable, rotateSealedValues } from "./key-rotation";

const grants = SEALED_TABLES.find((t) => t.name === "zoom_grants")!;

/** `keys` as `id:base64` entries, taken from keyrings made earlier. */
const keyringOf = (keys: Keyring[], encryptingId?: string) =>
  parseKeyring(
    keys
      .flatMap((k) => [...k.byId].map(([id, key]) => `${id}:${key.toString("base64")}`))
      .join(","),
    encryptingId,
  );

describe.each(testEngines())("key rotation on $name", (engine) => {
  let database: TestDatabase;
  let setup: ReturnType<typeof testVault>;
  const oldKey = parseKeyring(generateKeyringValue("old"));
  const newKey = parseKeyring(generateKeyringValue("new_1"));

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    // Each test counts every grant in the database, so each starts with none.
    // eslint-disable-next-line drizzle/enforce-delete-with-where
    await database.db.delete(zoomGrants);
    setup = testVault(database.db, oldKey);
  });

  async function connected() {
    const tenant = await createTenant(database.db);
    const { user } = await connectZoomUser(setup, tenant, `u${Math.random()}@zoom.test`);
    return { tenant, user };
  }

  async function mintFor(tenantId: string) {
    const found = await findConnection(database.db, tenantId);
    return mintToken(setup.vault, "zak", found?.connection ?? null, found?.grant ?? null);
  }

  it("moves every grant to the encrypting key in phases, serving throughout", async () => {
    const { tenant, user } = await connected();
    // Phase 1: the new key decrypts only, so a refresh still writes with the old one.
    setup.vault.keyring = keyringOf([oldKey, newKey]);
    await expireCachedAccessToken(database.db, user.id);
    expect((await mintFor(tenant.tenantId)).status).toBe(200);
    expect((await grantOf(database.db, user.id))!.refreshTokenEnc).toMatch(/^v1\.old\./);

    // Phase 2 and 3: the new key encrypts; the rotation rewrites the rest, and a rerun finds nothing.
    setup.vault.keyring = keyringOf([oldKey, newKey], "new_1");
    const second = await connected(); // written with the new key already
    const report = await rotateSealedValues(database.db, setup.vault.keyring);
    expect(report).toEqual({
      rewritten: {
        zoom_grants: 1,
        bot_platform_secrets: 0,
        webhook_endpoints: 0,
        idempotent_requests: 0,
      },
      unreadable: {
        zoom_grants: 0,
        bot_platform_secrets: 0,
        webhook_endpoints: 0,
        idempotent_requests: 0,
      },
      remaining: {
        zoom_grants: 0,
        bot_platform_secrets: 0,
        webhook_endpoints: 0,
        idempotent_requests: 0,
      },
    });
    expect((await rotateSealedValues(database.db, setup.vault.keyring)).rewritten).toEqual({
      zoom_grants: 0,
      bot_platform_secrets: 0,
      webhook_endpoints: 0,
      idempotent_requests: 0,
    });

    // Phase 4: without the old key, both connections still refresh and serve.
    setup.vault.keyring = newKey;
    for (const { tenant: t, user: u } of [{ tenant, user }, second]) {
      const grant = (await grantOf(database.db, u.id))!;
      expect([grant.accessTokenEnc, grant.refreshTokenEnc]).toEqual([
        expect.stringMatching(/^v1\.new_1\./),
        expect.stringMatching(/^v1\.new_1\./),
      ]);
      await expireCachedAccessToken(database.db, u.id);
      expect((await mintFor(t.tenantId)).status).toBe(200);
    }
    expect(await countUndecryptable(database.db, setup.vault.keyring)).toEqual({
      zoom_grants: 0,
      bot_platform_secrets: 0,
      webhook_endpoints: 0,
      idempotent_requests: 0,
    });
  });

  it("rotates away from an old key whose id differs only where LIKE would see a wildcard", async () => {
    const dash = parseKeyring(generateKeyringValue("k-2"));
    setup.vault.keyring = dash;
    const { user } = await connected();
    const underscore = parseKeyring(generateKeyringValue("k_2"));
    const report = await rotateSealedValues(database.db, keyringOf([underscore, dash]));
    expect(report.rewritten).toEqual({
      zoom_grants: 1,
      bot_platform_secrets: 0,
      webhook_endpoints: 0,
      idempotent_requests: 0,
    });
    expect((await grantOf(database.db, user.id))!.refreshTokenEnc).toMatch(/^v1\.k_2\./);
  });

  it("leaves a row to a writer that changed it after it was read", async () => {
    const { user } = await connected();
    const stale = (await findSealedRow(
      database.db,
      grants,
      (await grantOf(database.db, user.id))!.id,
    ))!;
    await database.db
      .update(zoomGrants)
      .set({ refreshTokenEnc: "v1.old.written-by-a-refresh" })
      .where(eq(zoomGrants.zoomUserId, user.id));
    expect(await rewriteSealedRow(database.db, grants, stale, ["v1.x.a", "v1.x.b"])).toBe(false);
    expect((await grantOf(database.db, user.id))!.refreshTokenEnc).toBe(
      "v1.old.written-by-a-refresh",
    );
  });

  it("counts the grants no configured key opens, in one query, and the bot path answers 503", async () => {
    const { tenant } = await connected();
    await connected();
    const third = await connected();
    // One column on a key nobody has: the row counts once.
    await database.db
      .update(zoomGrants)
      .set({ accessTokenEnc: sql`replace(${zoomGrants.accessTokenEnc}, 'v1.old.', 'v1.gone.')` })
      .where(eq(zoomGrants.zoomUserId, third.user.id));
    expect(await countUndecryptable(database.db, oldKey)).toEqual({
      zoom_grants: 1,
      bot_platform_secrets: 0,
      webhook_endpoints: 0,
      idempotent_requests: 0,
    });

    setup.vault.keyring = newKey; // the old key removed too early
    const counts = await countUndecryptable(database.db, newKey);
    expect(counts).toEqual({
      zoom_grants: 3,
      bot_platform_secrets: 0,
      webhook_endpoints: 0,
      idempotent_requests: 0,
    });
    expect(describeUndecryptable(counts)).toBe(
      "3 grants cannot be decrypted with the configured keys",
    );
    expect(describeUndecryptable({ zoom_grants: 1 })).toBe(
      "1 grant cannot be decrypted with the configured keys",
    );
    expect(describeUndecryptable({ zoom_grants: 0 })).toBeNull();

    expect(await mintFor(tenant.tenantId)).toEqual({
      status: 503,
      outcome: "undecryptable",
      body: "This connection's tokens are sealed with a key this server does not have",
      retryAfterSeconds: 30,
    });
    const report = await rotateSealedValues(database.db, newKey);
    expect(report.unreadable).toEqual({
      zoom_grants: 3,
      bot_platform_secrets: 0,
      webhook_endpoints: 0,
      idempotent_requests: 0,
    });
    expect(report.remaining).toEqual({
      zoom_grants: 3,
      bot_platform_secrets: 0,
      webhook_endpoints: 0,
      idempotent_requests: 0,
    });

    setup.vault.keyring = keyringOf([newKey, oldKey], "new_1"); // the key is back
    expect(await countUndecryptable(database.db, setup.vault.keyring)).toEqual({
      zoom_grants: 1,
      bot_platform_secrets: 0,
      webhook_endpoints: 0,
      idempotent_requests: 0,
    });
    expect((await mintFor(tenant.tenantId)).status).toBe(200);
  });
});
