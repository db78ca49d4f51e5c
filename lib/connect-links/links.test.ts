import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectLinks, users } from "@/db/schema";
import { revokeApiKey } from "@/db/queries/api-keys";
import { updateConnectReturnUrls } from "@/db/queries/connect-links";
import { deleteMembership, upsertMembership } from "@/db/queries/tenants";
import { insertUser } from "@/db/queries/users";
import { testEngines, type TestDatabase } from "@/db/testing";
import { createApiKey } from "@/lib/api-keys/create";
import { createTenant } from "@/lib/vault/testing";
import { LINK_TTL_DEFAULT_SECONDS } from "./expiry";
import {
  claimLink,
  createConnectLink,
  listOpenLinks,
  revokeLink,
  verifyConnectLink,
} from "./links";

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

  /** A link made by an admin of the tenant (not its owner), in the dashboard or with their API key. */
  async function linkByAdmin(via: "dashboard" | "api-key") {
    const tenant = await createTenant(database.db, "Acme Notes");
    const admin = (await insertUser(database.db, {
      email: `admin-${randomUUID()}@example.com`,
      name: null,
      passwordHash: "x",
    }))!;
    await upsertMembership(database.db, {
      tenantId: tenant.tenantId,
      userId: admin.id,
      role: "admin",
    });
    const key =
      via === "api-key"
        ? (await createApiKey(database.db, { userId: admin.id, name: "k", tenantSlugs: null })).row
        : null;
    const created = await createConnectLink(database.db, {
      tenantId: tenant.tenantId,
      createdByUserId: admin.id,
      createdByApiKeyId: key?.id,
      appUrl: APP_URL,
      expiresInSeconds: 600,
    });
    const token = created.url.slice(`${APP_URL}/connect/`.length);
    return { tenantId: tenant.tenantId, adminId: admin.id, keyId: key?.id, token, ...created };
  }

  /** The link says `withdrawn`, cannot be claimed (nothing is marked on it), and is not listed. */
  async function expectWithdrawn(made: Awaited<ReturnType<typeof linkByAdmin>>) {
    expect(await verifyConnectLink(database.db, made.token)).toEqual({
      status: "withdrawn",
      tenant: { name: "Acme Notes" },
    });
    expect(await claimLink(database.db, made.link.id, made.tenantId)).toEqual({
      claimed: false,
      reason: "withdrawn",
    });
    const [row] = await database.db
      .select({ claimedAt: connectLinks.claimedAt, usedAt: connectLinks.usedAt })
      .from(connectLinks)
      .where(eq(connectLinks.id, made.link.id));
    expect(row).toEqual({ claimedAt: null, usedAt: null });
    expect((await listOpenLinks(database.db, made.tenantId)).map((l) => l.id)).not.toContain(
      made.link.id,
    );
  }

  for (const via of ["dashboard", "api-key"] as const) {
    it(`made ${via === "dashboard" ? "in the dashboard" : "with an API key"} by an admin: open while they are one`, async () => {
      const made = await linkByAdmin(via);
      expect((await verifyConnectLink(database.db, made.token)).status).toBe("open");
      expect((await listOpenLinks(database.db, made.tenantId)).map((l) => l.id)).toEqual([
        made.link.id,
      ]);
      expect(await claimLink(database.db, made.link.id, made.tenantId)).toEqual({
        claimed: true,
        createdByUserId: made.adminId,
      });
    });

    it(`made ${via === "dashboard" ? "in the dashboard" : "with an API key"}: withdrawn once its creator is demoted to member`, async () => {
      const made = await linkByAdmin(via);
      await upsertMembership(database.db, {
        tenantId: made.tenantId,
        userId: made.adminId,
        role: "member",
      });
      await expectWithdrawn(made);
    });

    it(`made ${via === "dashboard" ? "in the dashboard" : "with an API key"}: withdrawn once its creator is removed from the tenant`, async () => {
      const made = await linkByAdmin(via);
      await deleteMembership(database.db, made.tenantId, made.adminId);
      await expectWithdrawn(made);
    });
  }

  it("withdrawn once its creator's account is deleted", async () => {
    const made = await linkByAdmin("dashboard");
    await database.db.delete(users).where(eq(users.id, made.adminId));
    await expectWithdrawn(made);
  });

  it("made with an API key: withdrawn once the key is revoked, though its creator is still an admin", async () => {
    const made = await linkByAdmin("api-key");
    expect(await revokeApiKey(database.db, made.adminId, made.keyId!)).toBe(true);
    await expectWithdrawn(made);
  });

  it("a creator demoted while the end user is at Zoom: the claim at the callback is refused", async () => {
    const made = await linkByAdmin("dashboard");
    expect((await verifyConnectLink(database.db, made.token)).status).toBe("open");
    await upsertMembership(database.db, {
      tenantId: made.tenantId,
      userId: made.adminId,
      role: "member",
    });
    expect(await claimLink(database.db, made.link.id, made.tenantId)).toEqual({
      claimed: false,
      reason: "withdrawn",
    });
  });
});
