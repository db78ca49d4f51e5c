import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findConnection } from "@/db/queries/connections";
import { zoomGrants } from "@/db/schema";
import { testEngines } from "@/db/testing";
import { DecryptionError } from "@/lib/crypto/aead";
import { mintToken } from "@/lib/zak/mint";
import { withAccessToken } from "./access-token";
import { applyDeauthorization, disconnectTenant } from "./grants";
import { refreshIdleGrants } from "./maintenance";
import { refreshGrant, unlessFresh } from "./refresh";
import { openAccessToken, openRefreshToken } from "./sealed-tokens";
import {
  connectZoomUser,
  createTenant,
  endRefreshBackoff,
  expireCachedAccessToken,
  grantOf,
} from "./testing";
import { useVaultOnEngine } from "@/lib/vault/test-hooks";

describe.each(testEngines())("token vault on $name", (engine) => {
  const t = useVaultOnEngine(engine);

  async function connected(email = `u${Math.random().toString(36).slice(2)}@zoom.test`) {
    const tenant = await createTenant(t.database.db);
    const { user } = await connectZoomUser(t.setup, tenant, email);
    return { tenant, user };
  }

  async function mintFor(tenantId: string) {
    const found = await findConnection(t.database.db, tenantId);
    return mintToken(t.setup.vault, "zak", found?.connection ?? null, found?.grant ?? null);
  }

  it("serves a ZAK the emulator issued to the connected user, reusing the cached access token", async () => {
    const { tenant, user } = await connected();
    const first = await mintFor(tenant.tenantId);
    const second = await mintFor(tenant.tenantId);
    expect(first.status).toBe(200);
    expect(t.setup.emulator.lookupIssuedToken(first.body)).toMatchObject({
      type: "zak",
      userId: user.id,
    });
    expect(second.body).not.toBe(first.body); // a fresh ZAK per request
    expect(t.setup.emulator.stats().grants.refresh_token).toBe(0);
  });

  it("refreshes an expiring access token exactly once for concurrent callers", async () => {
    const { tenant, user } = await connected();
    await expireCachedAccessToken(t.database.db, user.id);
    const results = await Promise.all(Array.from({ length: 25 }, () => mintFor(tenant.tenantId)));
    expect(results.map((r) => r.status)).toEqual(Array(25).fill(200));
    expect(t.setup.emulator.stats().grants.refresh_token).toBe(1);
    expect(t.setup.emulator.stats().invalidGrant).toBe(0);
  });

  it("lets the lease, not only the in-process single flight, decide who refreshes", async () => {
    const { user } = await connected();
    await expireCachedAccessToken(t.database.db, user.id);
    const grant = await grantOf(t.database.db, user.id);
    // Distinct flight keys bypass in-process coalescing, as separate processes would.
    const tokens = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        refreshGrant(t.setup.vault, grant!.id, unlessFresh(), `caller-${i}`),
      ),
    );
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect(t.setup.emulator.stats().grants.refresh_token).toBe(1);
  });

  it("commits the rotated refresh token, which Zoom then requires", async () => {
    const { user } = await connected();
    const before = await grantOf(t.database.db, user.id);
    await expireCachedAccessToken(t.database.db, user.id);
    await refreshGrant(t.setup.vault, before!.id, unlessFresh());
    const after = await grantOf(t.database.db, user.id);
    expect(openRefreshToken(t.setup.vault.keyring, after!)).not.toBe(
      openRefreshToken(t.setup.vault.keyring, before!),
    );
    expect(after!.version).toBe(before!.version + 1);
    // The old refresh token is dead at Zoom.
    await expect(
      t.setup.vault.zoom.refresh(openRefreshToken(t.setup.vault.keyring, before!)),
    ).rejects.toThrow(/grant/);
  });

  it("marks the grant reauth_required when Zoom refuses the refresh token", async () => {
    const { tenant, user } = await connected();
    await t.setup.emulator.deauthorize(user.id);
    await expireCachedAccessToken(t.database.db, user.id);
    const result = await mintFor(tenant.tenantId);
    expect(result).toMatchObject({ status: 409, outcome: "reauth_required" });
    expect((await grantOf(t.database.db, user.id))!.status).toBe("reauth_required");
    expect((await mintFor(tenant.tenantId)).status).toBe(409);
    expect(t.setup.emulator.stats().grants.refresh_token).toBe(0);
  });

  it.each([
    ["rate_limit", 503],
    ["server_error", 503],
    ["latency", 503],
  ] as const)(
    "keeps the refresh token chain through a Zoom %s during refresh",
    async (kind, status) => {
      const { tenant, user } = await connected();
      const before = await grantOf(t.database.db, user.id);
      await expireCachedAccessToken(t.database.db, user.id);
      t.setup.emulator.setFault({
        endpoint: "token",
        kind,
        latencyMs: 5000,
        grantType: "refresh_token",
      });
      const failed = await mintFor(tenant.tenantId);
      expect(failed).toMatchObject({ status, outcome: "zoom_unavailable" });
      expect(failed.retryAfterSeconds).toBeGreaterThan(0);
      const unchanged = await grantOf(t.database.db, user.id);
      expect(unchanged!.status).toBe("active");
      expect(openRefreshToken(t.setup.vault.keyring, unchanged!)).toBe(
        openRefreshToken(t.setup.vault.keyring, before!),
      );
      t.setup.emulator.clearFaults();
      await endRefreshBackoff(t.database.db, user.id);
      expect((await mintFor(tenant.tenantId)).status).toBe(200);
      expect(t.setup.emulator.stats().invalidGrant).toBe(0);
    },
  );

  it("answers 503 or 502 for ZAK endpoint failures without touching the grant", async () => {
    const { tenant, user } = await connected();
    t.setup.emulator.setFault({ endpoint: "user_token", kind: "rate_limit", retryAfterSeconds: 7 });
    expect(await mintFor(tenant.tenantId)).toMatchObject({ status: 503, retryAfterSeconds: 7 });
    t.setup.emulator.setFault({ endpoint: "user_token", kind: "drop" });
    expect((await mintFor(tenant.tenantId)).status).toBe(503);
    expect((await grantOf(t.database.db, user.id))!.status).toBe("active");
    expect((await mintFor(tenant.tenantId)).status).toBe(200);
  });

  it("retries once after a dropped refresh that Zoom never processed", async () => {
    const { tenant, user } = await connected();
    await expireCachedAccessToken(t.database.db, user.id);
    t.setup.emulator.setFault({ endpoint: "token", kind: "drop", grantType: "refresh_token" });
    expect((await mintFor(tenant.tenantId)).status).toBe(200);
    expect(t.setup.emulator.stats().grants.refresh_token).toBe(1);
  });

  it("names the cause when Zoom rotated the token but the answer was lost", async () => {
    const { tenant, user } = await connected();
    await expireCachedAccessToken(t.database.db, user.id);
    t.setup.emulator.setFault({
      endpoint: "token",
      kind: "drop_after_commit",
      grantType: "refresh_token",
    });
    expect((await mintFor(tenant.tenantId)).status).toBe(409);
    expect((await grantOf(t.database.db, user.id))!.lastError).toMatch(/answer was lost/);
  });

  it("re-reads and refreshes once when Zoom refuses an unexpired access token (code 124)", async () => {
    const { tenant } = await connected();
    t.setup.emulator.expireAccessTokens();
    expect((await mintFor(tenant.tenantId)).status).toBe(200);
    expect(t.setup.emulator.stats().grants.refresh_token).toBe(1);
  });

  it("keeps both tenants working when they connect the same Zoom user, and disconnecting one keeps the other", async () => {
    const email = `shared${Date.now()}@zoom.test`;
    const a = await connected(email);
    const b = await createTenant(t.database.db);
    await connectZoomUser(t.setup, b, email);
    expect((await mintFor(a.tenant.tenantId)).status).toBe(200);
    expect((await mintFor(b.tenantId)).status).toBe(200);
    await disconnectTenant(t.setup.vault, a.tenant.tenantId);
    expect(t.setup.emulator.stats().endpoints.revoke).toBe(0);
    expect((await mintFor(a.tenant.tenantId)).status).toBe(404);
    const served = await mintFor(b.tenantId);
    expect(t.setup.emulator.lookupIssuedToken(served.body)?.userId).toBe(a.user.id);
  });

  it("revokes at Zoom and deletes the tokens when the last tenant disconnects", async () => {
    const { tenant, user } = await connected();
    await disconnectTenant(t.setup.vault, tenant.tenantId);
    expect(t.setup.emulator.stats().endpoints.revoke).toBe(1);
    expect(await grantOf(t.database.db, user.id)).toBeUndefined();
  });

  it("survives Zoom's deauthorization webhook arriving while the disconnect commits", async () => {
    // Zoom answers a revoke by calling our webhook, so the two transactions race on the same rows.
    const webhooks: Promise<boolean>[] = [];
    const vault = {
      ...t.setup.vault,
      zoom: {
        ...t.setup.vault.zoom,
        revoke: async (accessToken: string) => {
          await t.setup.vault.zoom.revoke(accessToken);
          webhooks.push(applyDeauthorization(t.setup.vault, zoomUserId, new Date()));
        },
      },
    };
    let zoomUserId = "";
    for (let round = 0; round < 20; round += 1) {
      const { tenant, user } = await connected();
      zoomUserId = user.id;
      await disconnectTenant(vault, tenant.tenantId);
      await Promise.all(webhooks.splice(0));
      expect(await findConnection(t.database.db, tenant.tenantId)).toBeUndefined();
      expect(await grantOf(t.database.db, user.id)).toBeUndefined();
    }
  });

  it("applies a deauthorization once, and ignores one older than the latest consent", async () => {
    const { tenant, user } = await connected();
    expect(await applyDeauthorization(t.setup.vault, user.id, new Date(Date.now() - 60_000))).toBe(
      false,
    );
    expect(await applyDeauthorization(t.setup.vault, user.id, new Date())).toBe(true);
    expect(await applyDeauthorization(t.setup.vault, user.id, new Date())).toBe(false);
    const found = await findConnection(t.database.db, tenant.tenantId);
    expect(found?.grant).toBeNull();
    expect(found?.connection.disconnectedReason).toMatch(/removed the app/);
    expect((await mintFor(tenant.tenantId)).status).toBe(404);
  });

  it("stores only ciphertext, bound to its row and column", async () => {
    const first = await connected();
    const second = await connected();
    const a = await grantOf(t.database.db, first.user.id);
    const b = await grantOf(t.database.db, second.user.id);
    const plaintext = [
      openRefreshToken(t.setup.vault.keyring, a!),
      openAccessToken(t.setup.vault.keyring, a!),
    ];
    const dump = await t.database.db.execute(
      sql`select row_to_json(g)::text as row from zoom_grants g`,
    );
    const text = JSON.stringify(dump);
    for (const token of plaintext) expect(text).not.toContain(token);
    // A's refresh-token ciphertext does not open in B's row, nor in A's access-token column.
    expect(() =>
      openRefreshToken(t.setup.vault.keyring, { ...b!, refreshTokenEnc: a!.refreshTokenEnc }),
    ).toThrow(DecryptionError);
    expect(() =>
      openAccessToken(t.setup.vault.keyring, { ...a!, accessTokenEnc: a!.refreshTokenEnc }),
    ).toThrow(DecryptionError);
  });

  it("refreshes idle grants ahead of Zoom's refresh-token expiry", async () => {
    const { user } = await connected();
    const grant = await grantOf(t.database.db, user.id);
    await t.database.db
      .update(zoomGrants)
      .set({ refreshedAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) })
      .where(eq(zoomGrants.id, grant!.id));
    const result = await refreshIdleGrants(t.setup.vault);
    expect(result.refreshed).toBeGreaterThanOrEqual(1);
    expect((await grantOf(t.database.db, user.id))!.refreshedAt.getTime()).toBeGreaterThan(
      Date.now() - 60_000,
    );
    expect(t.setup.emulator.stats().grants.refresh_token).toBeGreaterThanOrEqual(1);
  });

  it("calls Zoom with the stored access token", async () => {
    const { user } = await connected();
    const grant = await grantOf(t.database.db, user.id);
    const me = await withAccessToken(t.setup.vault, grant!, (at) => t.setup.vault.zoom.getMe(at));
    expect(me.id).toBe(user.id);
  });
});
