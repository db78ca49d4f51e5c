import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectLinks } from "@/db/schema";
import { updateConnectReturnUrls } from "@/db/queries/connect-links";
import { testEngines, type TestDatabase } from "@/db/testing";
import { createTenant } from "@/lib/vault/testing";
import { LINK_TTL_DEFAULT_SECONDS } from "./expiry";
import { claimLink, createConnectLink, revokeLink, verifyConnectLink } from "./links";

const APP_URL = "https://broker.example";

describe.each(testEngines())("connect links on $name", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  async function newLink(input: { expiresInSeconds?: number; returnUrl?: string } = {}) {
    const tenant = await createTenant(database.db, "Acme Notes");
    const created = await createConnectLink(database.db, {
      tenantId: tenant.tenantId,
      createdByUserId: tenant.userId,
      appUrl: APP_URL,
      expiresInSeconds: input.expiresInSeconds ?? LINK_TTL_DEFAULT_SECONDS,
      returnUrl: input.returnUrl,
    });
    const token = created.url.slice(`${APP_URL}/connect/`.length);
    return { tenant, ...created, token };
  }

  /** Moves the link's expiry to a second ago by the database's clock, as time passing would. */
  async function expire(linkId: string) {
    await database.db
      .update(connectLinks)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(connectLinks.id, linkId));
  }

  it("opens for its tenant, stores only the token's hash, and expires in 24 h by default", async () => {
    const { tenant, link, url, token } = await newLink();
    expect(url).toMatch(/^https:\/\/broker\.example\/connect\/zcl_[A-Za-z0-9_-]{43}$/);
    const verdict = await verifyConnectLink(database.db, token);
    expect(verdict).toMatchObject({
      status: "open",
      link: { id: link.id },
      tenant: { id: tenant.tenantId, name: "Acme Notes" },
    });
    const ttl = link.expiresAt.getTime() - link.createdAt.getTime();
    expect(ttl).toBe(LINK_TTL_DEFAULT_SECONDS * 1000);
    const [stored] = await database.db
      .select()
      .from(connectLinks)
      .where(eq(connectLinks.id, link.id));
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("a changed or malformed token is not valid, and names no tenant", async () => {
    const { token } = await newLink();
    const last = token.at(-1) === "A" ? "B" : "A";
    for (const tampered of [token.slice(0, -1) + last, token.slice(0, -1), `${token}x`, "zcl_", ""])
      expect(await verifyConnectLink(database.db, tampered)).toEqual({ status: "invalid" });
  });

  it("past its expiry (database clock) it says expired and cannot be claimed", async () => {
    const { tenant, link, token } = await newLink({ expiresInSeconds: 300 });
    expect((await verifyConnectLink(database.db, token)).status).toBe("open");
    await expire(link.id);
    expect(await verifyConnectLink(database.db, token)).toEqual({
      status: "expired",
      tenant: { name: "Acme Notes" },
    });
    expect(await claimLink(database.db, link.id, tenant.tenantId)).toEqual({
      claimed: false,
      reason: "expired",
    });
  });

  it("a revoked link says so and cannot be claimed; revoking twice is 404", async () => {
    const { tenant, link, token } = await newLink();
    await revokeLink(database.db, tenant.tenantId, link.id);
    expect((await verifyConnectLink(database.db, token)).status).toBe("revoked");
    expect(await claimLink(database.db, link.id, tenant.tenantId)).toEqual({
      claimed: false,
      reason: "revoked",
    });
    await expect(revokeLink(database.db, tenant.tenantId, link.id)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("is bound to its tenant: another tenant can neither claim nor revoke it", async () => {
    const { tenant, link } = await newLink();
    const other = await createTenant(database.db);
    expect((await claimLink(database.db, link.id, other.tenantId)).claimed).toBe(false);
    await expect(revokeLink(database.db, other.tenantId, link.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await claimLink(database.db, link.id, tenant.tenantId)).toEqual({
      claimed: true,
      createdByUserId: tenant.userId,
    });
  });

  it("of concurrent claims exactly one wins; the link then says used", async () => {
    const { tenant, link, token } = await newLink();
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => claimLink(database.db, link.id, tenant.tenantId)),
    );
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    expect(claims.filter((c) => !c.claimed)).toEqual(
      Array.from({ length: 7 }, () => ({ claimed: false, reason: "used" })),
    );
    expect((await verifyConnectLink(database.db, token)).status).toBe("used");
  });

  it("refuses a return URL the tenant's allow-list does not cover, and keeps one it does", async () => {
    const tenant = await createTenant(database.db);
    await updateConnectReturnUrls(database.db, tenant.tenantId, ["https://app.acme.test/onboard"]);
    const create = (returnUrl: string) =>
      createConnectLink(database.db, {
        tenantId: tenant.tenantId,
        createdByUserId: tenant.userId,
        appUrl: APP_URL,
        expiresInSeconds: 600,
        returnUrl,
      });
    for (const refused of [
      "https://app.acme.test/onboarding",
      "https://evil.test/onboard",
      "http://app.acme.test/onboard/done",
    ]) {
      await expect(create(refused), refused).rejects.toMatchObject({
        code: "bad_request",
        message: expect.stringMatching(/^returnUrl: not allowed/) as unknown,
      });
    }
    const { link } = await create("https://app.acme.test/onboard/done?user=42");
    expect(link.returnUrl).toBe("https://app.acme.test/onboard/done?user=42");
  });
});
