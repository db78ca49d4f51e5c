import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { claimDueDeliveries, listRecentDeliveries } from "@/db/queries/outbox";
import { insertWebhookEndpoint } from "@/db/queries/webhook-endpoints";
import { outboxDeliveries, outboxEvents, zoomGrants } from "@/db/schema";
import { testEngines } from "@/db/testing";
import { mintToken } from "@/lib/zak/mint";
import { findConnection } from "@/db/queries/connections";
import { applyDeauthorization } from "@/lib/vault/grants";
import { useVaultOnEngine } from "@/lib/vault/test-hooks";
import { connectZoomUser, createTenant, expireCachedAccessToken } from "@/lib/vault/testing";

describe.each(testEngines())("outbox events on $name", (engine) => {
  const t = useVaultOnEngine(engine);

  async function tenantWithEndpoint(events: string[]) {
    const tenant = await createTenant(t.database.db);
    const endpoint = await insertWebhookEndpoint(
      t.database.db,
      {
        tenantId: tenant.tenantId,
        url: "https://hooks.example.com/",
        events,
        createdByUserId: tenant.userId,
      },
      () => "sealed",
    );
    return { ...tenant, endpointId: endpoint.id };
  }

  const eventsOf = (tenantId: string) =>
    t.database.db
      .select({
        type: outboxEvents.type,
        channel: outboxDeliveries.channel,
        recipient: outboxDeliveries.recipient,
      })
      .from(outboxEvents)
      .leftJoin(outboxDeliveries, eq(outboxDeliveries.eventId, outboxEvents.id))
      .where(eq(outboxEvents.tenantId, tenantId))
      .orderBy(outboxEvents.createdAt);

  async function refreshFailsAgain(tenantId: string, zoomUserId: string) {
    // Forced active with an expired token: the next request refreshes, and Zoom refuses it again.
    await t.database.db
      .update(zoomGrants)
      .set({ status: "active" })
      .where(eq(zoomGrants.zoomUserId, zoomUserId));
    await expireCachedAccessToken(t.database.db, zoomUserId);
    const found = await findConnection(t.database.db, tenantId);
    return mintToken(t.setup.vault, "zak", found!.connection, found!.grant);
  }

  it("records connection.connected with one delivery per subscribed endpoint only", async () => {
    const tenant = await tenantWithEndpoint(["connection.connected"]);
    await connectZoomUser(t.setup, tenant, `c${Date.now()}@zoom.test`);
    expect(await eventsOf(tenant.tenantId)).toEqual([
      { type: "connection.connected", channel: "webhook", recipient: null },
    ]);
    expect(await listRecentDeliveries(t.database.db, [tenant.endpointId], 10)).toMatchObject([
      {
        endpointId: tenant.endpointId,
        eventType: "connection.connected",
        status: "pending",
        attempts: 0,
      },
    ]);
  });

  it("mails the owners once per break: not for a repeated refresh failure, again after a reconnect", async () => {
    const tenant = await tenantWithEndpoint([
      "connection.reauth_required",
      "connection.disconnected",
    ]);
    const email = `b${Date.now()}@zoom.test`;
    const { user } = await connectZoomUser(t.setup, tenant, email);
    await t.setup.emulator.deauthorize(user.id); // Zoom's tokens die; the app hears of it on refresh
    expect((await refreshFailsAgain(tenant.tenantId, user.id)).status).toBe(409);
    expect((await refreshFailsAgain(tenant.tenantId, user.id)).status).toBe(409);
    await connectZoomUser(t.setup, tenant, email);
    expect(await applyDeauthorization(t.setup.vault, user.id, new Date())).toBe(true);

    const [owner] = await t.database.db.query.users.findMany({
      where: (u, { eq: is }) => is(u.id, tenant.userId),
    });
    const emails = (await eventsOf(tenant.tenantId)).filter((e) => e.channel === "email");
    expect(emails).toEqual([
      { type: "connection.reauth_required", channel: "email", recipient: owner!.email },
      { type: "connection.disconnected", channel: "email", recipient: owner!.email },
    ]);
    const webhooks = (await eventsOf(tenant.tenantId)).filter((e) => e.channel === "webhook");
    expect(webhooks.map((e) => e.type)).toEqual([
      "connection.reauth_required",
      "connection.reauth_required",
      "connection.disconnected",
    ]);
  });

  it("leases each due delivery to one claimer", async () => {
    const tenant = await tenantWithEndpoint(["connection.connected"]);
    for (let i = 0; i < 6; i++)
      await connectZoomUser(t.setup, tenant, `l${i}${Date.now()}@zoom.test`);
    const claims = await Promise.all(
      ["a", "b", "c"].map((owner) => claimDueDeliveries(t.database.db, owner, 60, 4)),
    );
    const all = claims.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(await claimDueDeliveries(t.database.db, "d", 60, 10)).toEqual([]);
  });
});
