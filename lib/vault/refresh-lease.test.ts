import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findConnection } from "@/db/queries/connections";
import { abandonRefreshLeases } from "@/db/queries/grants";
import { zoomGrants } from "@/db/schema";
import { testEngines } from "@/db/testing";
import { mintToken } from "@/lib/zak/mint";
import { ZoomInvalidAccessTokenError } from "@/lib/zoom/errors";
import { INTERRUPTED_REASON } from "./refresh";
import { openAccessToken, openRefreshToken, sealTokens } from "./sealed-tokens";
import { connectZoomUser, createTenant, endRefreshBackoff, grantOf } from "./testing";
import type { Vault } from "./types";
import { useVaultOnEngine } from "@/lib/vault/test-hooks";

describe.each(testEngines())("refresh lease and outages on $name", (engine) => {
  const t = useVaultOnEngine(engine);

  async function connected() {
    const tenant = await createTenant(t.database.db);
    const { user } = await connectZoomUser(
      t.setup,
      tenant,
      `u${Math.random().toString(36).slice(2)}@zoom.test`,
    );
    return { tenant, user };
  }

  async function mintFor(tenantId: string, vault: Vault = t.setup.vault) {
    const found = await findConnection(t.database.db, tenantId);
    return mintToken(vault, "zak", found?.connection ?? null, found?.grant ?? null);
  }

  /** Moves the broker's notion of the cached token's expiry (Zoom's side keeps its own clock). */
  async function expiresIn(zoomUserId: string, ms: number) {
    await t.database.db
      .update(zoomGrants)
      .set({ accessTokenExpiresAt: new Date(Date.now() + ms) })
      .where(eq(zoomGrants.zoomUserId, zoomUserId));
  }

  const refreshes = () => t.setup.emulator.stats().grants.refresh_token;
  const tokenCalls = () => t.setup.emulator.stats().endpoints.token;

  it("serves another tenant while a refresh hangs at Zoom: no transaction is held across the call", async () => {
    const a = await connected();
    const b = await connected();
    await expiresIn(a.user.id, -1000);
    t.setup.emulator.setFault({ endpoint: "token", kind: "latency", latencyMs: 1500 });
    const order: string[] = [];
    const slow = mintFor(a.tenant.tenantId).then(() => order.push("a"));
    await expect.poll(tokenCalls).toBeGreaterThan(0);
    expect((await mintFor(b.tenant.tenantId)).status).toBe(200);
    order.push("b");
    await slow;
    expect(order).toEqual(["b", "a"]);
  });

  it("refreshes ahead: a token inside the margin is served, and one background refresh replaces it", async () => {
    const { tenant, user } = await connected();
    await expiresIn(user.id, 60_000);
    const before = await grantOf(t.database.db, user.id);
    const answers = await Promise.all(Array.from({ length: 5 }, () => mintFor(tenant.tenantId)));
    expect(answers.map((a) => a.status)).toEqual(Array(5).fill(200));
    await expect
      .poll(async () => (await grantOf(t.database.db, user.id))!.version)
      .toBe(before!.version + 1);
    expect(refreshes()).toBe(1);
  });

  it("keeps serving the cached token through a failing token endpoint, backing off per grant, then 503 with the remaining Retry-After once it expired", async () => {
    const { tenant, user } = await connected();
    await expiresIn(user.id, 60_000);
    t.setup.emulator.setFault({
      endpoint: "token",
      kind: "rate_limit",
      retryAfterSeconds: 120,
      forSeconds: 600,
    });
    expect((await mintFor(tenant.tenantId)).status).toBe(200);
    await expect.poll(async () => (await grantOf(t.database.db, user.id))!.refreshFailures).toBe(1);
    const calls = tokenCalls();
    for (let i = 0; i < 5; i++) expect((await mintFor(tenant.tenantId)).status).toBe(200);
    expect(tokenCalls()).toBe(calls); // backing off: Zoom's token endpoint is left alone

    await expiresIn(user.id, -1000);
    const expired = await mintFor(tenant.tenantId);
    expect(expired).toMatchObject({ status: 503, outcome: "zoom_unavailable" });
    expect(expired.retryAfterSeconds).toBeGreaterThan(100); // Zoom's Retry-After, not the 5 s default
    expect(tokenCalls()).toBe(calls);

    t.setup.emulator.clearFaults();
    await endRefreshBackoff(t.database.db, user.id);
    expect((await mintFor(tenant.tenantId)).status).toBe(200);
    expect((await grantOf(t.database.db, user.id))!).toMatchObject({
      status: "active",
      refreshFailures: 0,
    });
    expect(t.setup.emulator.stats().invalidGrant).toBe(0);
  });

  it("takes over a lease that ran out with no commit, and refreshes with the stored token when Zoom never saw it", async () => {
    const { tenant, user } = await connected();
    await expiresIn(user.id, -1000);
    await t.database.db
      .update(zoomGrants)
      .set({ refreshLeaseOwner: "crashed", refreshLeaseUntil: new Date(Date.now() - 1000) })
      .where(eq(zoomGrants.zoomUserId, user.id));
    expect((await mintFor(tenant.tenantId)).status).toBe(200);
    expect((await grantOf(t.database.db, user.id))!).toMatchObject({
      status: "active",
      refreshLeaseOwner: null,
      refreshInterruptedAt: null,
    });
  });

  it("names the interruption when the holder crashed after Zoom rotated the token", async () => {
    const { tenant, user } = await connected();
    const grant = await grantOf(t.database.db, user.id);
    // The crashed holder's refresh reached Zoom: the stored refresh token is dead.
    await t.setup.vault.zoom.refresh(openRefreshToken(t.setup.vault.keyring, grant!));
    await expiresIn(user.id, -1000);
    await t.database.db
      .update(zoomGrants)
      .set({ refreshLeaseOwner: "crashed", refreshLeaseUntil: new Date(Date.now() - 1000) })
      .where(eq(zoomGrants.id, grant!.id));
    expect(await mintFor(tenant.tenantId)).toMatchObject({
      status: 409,
      outcome: "reauth_required",
    });
    expect((await grantOf(t.database.db, user.id))!).toMatchObject({
      status: "reauth_required",
      lastError: INTERRUPTED_REASON,
    });
  });

  it("waits for a lease another process holds and uses the token it commits", async () => {
    const { tenant, user } = await connected();
    await expiresIn(user.id, -1000);
    await t.database.db
      .update(zoomGrants)
      .set({ refreshLeaseOwner: "other", refreshLeaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(zoomGrants.zoomUserId, user.id));
    const waiting = mintFor(tenant.tenantId);
    // The other process commits: a new access token and a free lease.
    const tokens = await t.setup.vault.zoom.refresh(
      openRefreshToken(t.setup.vault.keyring, (await grantOf(t.database.db, user.id))!),
    );
    const grant = (await grantOf(t.database.db, user.id))!;
    await t.database.db
      .update(zoomGrants)
      .set({
        ...sealTokens(t.setup.vault.keyring, grant.id, tokens),
        accessTokenExpiresAt: tokens.expiresAt,
        version: grant.version + 1,
        refreshLeaseOwner: null,
        refreshLeaseUntil: null,
      })
      .where(eq(zoomGrants.id, grant.id));
    expect((await waiting).status).toBe(200);
    expect(refreshes()).toBe(1); // only the other process's
    expect(t.setup.emulator.stats().invalidGrant).toBe(0);
  });

  it("pauses refreshes for a minute when Zoom refuses the token it just issued: 502, not a refresh per request", async () => {
    const { tenant, user } = await connected();
    const refusing: Vault = {
      ...t.setup.vault,
      zoom: {
        ...t.setup.vault.zoom,
        getUserToken: () => Promise.reject(new ZoomInvalidAccessTokenError()),
      },
    };
    expect(await mintFor(tenant.tenantId, refusing)).toMatchObject({ status: 502 });
    expect(refreshes()).toBe(1);
    for (let i = 0; i < 3; i++) {
      const answer = await mintFor(tenant.tenantId, refusing);
      expect(answer).toMatchObject({ status: 502, outcome: "zoom_error" });
      expect(answer.body).toMatch(/refuses the access tokens/);
    }
    expect(refreshes()).toBe(1);
    expect((await grantOf(t.database.db, user.id))!.status).toBe("active");
  });

  it("at shutdown, releases the leases this process still holds and marks them interrupted", async () => {
    const { user } = await connected();
    await t.database.db
      .update(zoomGrants)
      .set({ refreshLeaseOwner: "me", refreshLeaseUntil: sql`now() + interval '1 minute'` })
      .where(eq(zoomGrants.zoomUserId, user.id));
    expect(await abandonRefreshLeases(t.database.db, "someone-else")).toBe(0);
    expect(await abandonRefreshLeases(t.database.db, "me")).toBe(1);
    const grant = (await grantOf(t.database.db, user.id))!;
    expect(grant.refreshLeaseOwner).toBeNull();
    expect(grant.refreshInterruptedAt).not.toBeNull();
    expect(openAccessToken(t.setup.vault.keyring, grant)).toBeTruthy();
  });
});
