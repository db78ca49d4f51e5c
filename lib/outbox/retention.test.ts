import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deleteFinishedDeliveriesBefore, listRecentDeliveries } from "@/db/queries/outbox";
import { outboxDeliveries, outboxEvents, webhookEndpoints, type DeliveryStatus } from "@/db/schema";
import { testEngines, type TestDatabase } from "@/db/testing";
import { createTenant } from "@/lib/vault/testing";
import { RECENT_DELIVERIES } from "@/lib/webhooks/listing";
import { DELIVERY_RETENTION_DAYS, pruneOutbox } from "./retention";

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(testEngines())("outbox retention on $name", (engine) => {
  let database: TestDatabase;
  let tenantId: string;
  let now: number;
  /** Seeded rows by label, so assertions name what is left. */
  let labels: Map<string, string>;

  beforeAll(async () => {
    database = await engine.open();
    tenantId = (await createTenant(database.db)).tenantId;
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- empties the test's own outbox
    await database.db.delete(outboxEvents);
    now = Date.now();
    labels = new Map();
  });

  const ago = (days: number) => new Date(now - days * DAY_MS);

  async function endpoint(): Promise<string> {
    const [row] = await database.db
      .insert(webhookEndpoints)
      .values({ tenantId, url: "https://hooks.example/in", events: [], secretEnc: "sealed" })
      .returning({ id: webhookEndpoints.id });
    return row!.id;
  }

  async function event(label: string, ageDays: number): Promise<string> {
    const [row] = await database.db
      .insert(outboxEvents)
      .values({ tenantId, type: "url_secret.revoked", data: {}, createdAt: ago(ageDays) })
      .returning({ id: outboxEvents.id });
    labels.set(row!.id, label);
    return row!.id;
  }

  /** A delivery queued `ageDays` ago, to `endpointId` or (null) by email; its event is as old. */
  async function delivery(
    label: string,
    to: string | null,
    status: DeliveryStatus,
    ageDays: number,
    eventId?: string,
  ): Promise<string> {
    const [row] = await database.db
      .insert(outboxDeliveries)
      .values({
        eventId: eventId ?? (await event(`event of ${label}`, ageDays)),
        channel: to ? "webhook" : "email",
        endpointId: to,
        recipient: to ? null : "owner@example.com",
        status,
        createdAt: ago(ageDays),
      })
      .returning({ id: outboxDeliveries.id });
    labels.set(row!.id, label);
    return row!.id;
  }

  async function remaining() {
    const [deliveries, events] = await Promise.all([
      database.db.select({ id: outboxDeliveries.id }).from(outboxDeliveries),
      database.db.select({ id: outboxEvents.id }).from(outboxEvents),
    ]);
    const named = (rows: { id: string }[]) => rows.map((r) => labels.get(r.id)!).sort();
    return { deliveries: named(deliveries), events: named(events) };
  }

  it(`deletes deliveries delivered or given up over ${DELIVERY_RETENTION_DAYS} days ago, then events left with none`, async () => {
    const hook = await endpoint();
    const old = DELIVERY_RETENTION_DAYS + 1;
    const young = DELIVERY_RETENTION_DAYS - 1;
    // Ten recent deliveries fill the endpoint's listed ones.
    for (let i = 0; i < RECENT_DELIVERIES; i++) await delivery(`listed ${i}`, hook, "delivered", 1);
    await delivery("old delivered webhook", hook, "delivered", old);
    await delivery("old failed webhook", hook, "failed", old + 10);
    await delivery("old pending webhook", hook, "pending", old);
    await delivery("young delivered webhook", hook, "delivered", young);
    await delivery("old delivered email", null, "delivered", old);
    await delivery("old failed email", null, "failed", 400);
    await delivery("young failed email", null, "failed", young);
    // One event, two deliveries: it stays while one of them does.
    const shared = await event("shared old event", old);
    await delivery("old email of shared event", null, "delivered", old, shared);
    await delivery("old pending email of shared event", null, "pending", old, shared);
    await event("old event with no delivery", old);
    await event("young event with no delivery", young);

    expect(await pruneOutbox(database.db, now)).toEqual({ deliveries: 5, events: 5 });
    const left = await remaining();
    expect(left.deliveries).toEqual(
      [
        ...Array.from({ length: RECENT_DELIVERIES }, (_, i) => `listed ${i}`),
        "old pending webhook",
        "young delivered webhook",
        "young failed email",
        "old pending email of shared event",
      ].sort(),
    );
    expect(left.events).toEqual(
      [
        ...Array.from({ length: RECENT_DELIVERIES }, (_, i) => `event of listed ${i}`),
        "event of old pending webhook",
        "event of young delivered webhook",
        "event of young failed email",
        "shared old event",
        "young event with no delivery",
      ].sort(),
    );
    expect(await pruneOutbox(database.db, now)).toEqual({ deliveries: 0, events: 0 });
  });

  it(`keeps each endpoint's latest ${RECENT_DELIVERIES} deliveries, the ones the dashboard lists, however old`, async () => {
    const [busy, quiet] = [await endpoint(), await endpoint()];
    const old = DELIVERY_RETENTION_DAYS + 1;
    // The busy endpoint: 12 old deliveries, one a day; the quiet one: 3, very old.
    for (let i = 0; i < 12; i++) await delivery(`busy ${i}`, busy, "delivered", old + i);
    for (let i = 0; i < 3; i++) await delivery(`quiet ${i}`, quiet, "failed", 200 + i);
    const listedBefore = await listRecentDeliveries(database.db, [busy, quiet], RECENT_DELIVERIES);

    expect((await pruneOutbox(database.db, now)).deliveries).toBe(2);
    expect((await remaining()).deliveries).toEqual(
      [
        ...Array.from({ length: 10 }, (_, i) => `busy ${i}`),
        ...Array.from({ length: 3 }, (_, i) => `quiet ${i}`),
      ].sort(),
    );
    const listedAfter = await listRecentDeliveries(database.db, [busy, quiet], RECENT_DELIVERIES);
    expect(listedAfter.map((d) => d.id)).toEqual(listedBefore.map((d) => d.id));
  });

  it("works through more rows than one batch", async () => {
    for (let i = 0; i < 7; i++) await delivery(`email ${i}`, null, "delivered", 40 + i);
    await delivery("recent email", null, "delivered", 1);
    const cutoff = ago(DELIVERY_RETENTION_DAYS);
    expect(await deleteFinishedDeliveriesBefore(database.db, cutoff, RECENT_DELIVERIES, 3)).toBe(7);
    expect((await remaining()).deliveries).toEqual(["recent email"]);
  });
});
