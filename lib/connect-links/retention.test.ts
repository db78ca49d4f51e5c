import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deleteClosedConnectLinksBefore } from "@/db/queries/connect-links";
import { connectLinks } from "@/db/schema";
import { testEngines, type TestDatabase } from "@/db/testing";
import { createTenant } from "@/lib/vault/testing";
import { CLOSED_LINK_RETENTION_DAYS, pruneConnectLinks } from "./retention";

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testEngines())("connect link retention on $name", (engine) => {
  let database: TestDatabase;
  let tenant: { tenantId: string; userId: string };
  let now: number;
  let labels: Map<string, string>;

  beforeAll(async () => {
    database = await engine.open();
    tenant = await createTenant(database.db);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- empties the test's own table
    await database.db.delete(connectLinks);
    now = Date.now();
    labels = new Map();
  });

  /** Days from now: negative in the past. */
  const at = (days: number) => new Date(now + days * DAY_MS);

  /** A link expiring `expires` days from now, used, revoked or claimed `days` from now when given. */
  async function link(
    label: string,
    dates: { expires: number; used?: number; revoked?: number; claimed?: number },
  ) {
    const [row] = await database.db
      .insert(connectLinks)
      .values({
        tenantId: tenant.tenantId,
        createdByUserId: tenant.userId,
        tokenHash: `hash-${label}`,
        expiresAt: at(dates.expires),
        usedAt: dates.used === undefined ? null : at(dates.used),
        claimedAt: dates.claimed === undefined ? null : at(dates.claimed),
        revokedAt: dates.revoked === undefined ? null : at(dates.revoked),
        createdAt: at(Math.min(dates.expires, dates.used ?? 0, dates.revoked ?? 0) - 1),
      })
      .returning({ id: connectLinks.id });
    labels.set(row!.id, label);
  }

  async function remaining() {
    const rows = await database.db.select({ id: connectLinks.id }).from(connectLinks);
    return rows.map((r) => labels.get(r.id)!).sort();
  }

  it(`deletes links used, revoked or expired over ${CLOSED_LINK_RETENTION_DAYS} days ago and keeps the rest`, async () => {
    const old = -(CLOSED_LINK_RETENTION_DAYS + 1);
    const recent = -(CLOSED_LINK_RETENTION_DAYS - 1);
    await link("open", { expires: 1 });
    await link("claimed, consent under way", { expires: 1, claimed: 0 });
    await link("expired long ago", { expires: old });
    await link("expired recently", { expires: recent });
    await link("used long ago, would still be open", { expires: 20, claimed: old, used: old });
    await link("used recently", { expires: 20, claimed: recent, used: recent });
    await link("revoked long ago, would still be open", { expires: 20, revoked: old });
    await link("revoked recently", { expires: 20, revoked: recent });
    await link("claimed long ago, never used, expired long ago", {
      expires: old,
      claimed: old - 1,
    });

    expect(await pruneConnectLinks(database.db, now)).toBe(4);
    expect(await remaining()).toEqual(
      [
        "open",
        "claimed, consent under way",
        "expired recently",
        "used recently",
        "revoked recently",
      ].sort(),
    );
    expect(await pruneConnectLinks(database.db, now)).toBe(0);
  });

  it("works through more rows than one batch", async () => {
    for (let i = 0; i < 5; i++) await link(`expired ${i}`, { expires: -10 - i });
    await link("open", { expires: 1 });
    expect(
      await deleteClosedConnectLinksBefore(database.db, at(-CLOSED_LINK_RETENTION_DAYS), 2),
    ).toBe(5);
    expect(await remaining()).toEqual(["open"]);
  });
});
