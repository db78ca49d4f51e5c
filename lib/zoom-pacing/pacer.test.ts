import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { findConnection } from "@/db/queries/connections";
import { findZoomLimit, learnZoomLimit, reserveZoomSlot } from "@/db/queries/zoom-pacing";
import { testEngines } from "@/db/testing";
import { mintToken } from "@/lib/zak/mint";
import { connectZoomUser, createTenant } from "@/lib/vault/testing";
import { useVaultOnEngine } from "@/lib/vault/test-hooks";
import { createZoomClient } from "@/lib/zoom/client";
import { zoomConfig } from "@/lib/zoom/testing";
import { observeRateLimits } from "./observe";
import { ZoomPacer } from "./pacer";

const account = () => `acct-${Math.random().toString(36).slice(2)}`;

describe.each(testEngines())("Zoom account pacing on $name", (engine) => {
  const t = useVaultOnEngine(engine);

  it("gives concurrent reservations from two connections distinct slots one gap apart", async () => {
    // On PostgreSQL the second connection stands for a second app process.
    const other = t.database.url
      ? await openDatabase({ kind: "postgres", url: t.database.url })
      : null;
    try {
      const id = account();
      const dbs = [t.database.db, other?.db ?? t.database.db];
      // A limit of 5/s is paced at 4/s: 250 ms apart.
      const slots = await Promise.all(
        Array.from({ length: 20 }, (_, i) => reserveZoomSlot(dbs[i % 2]!, id, 5, 60_000)),
      );
      const times = slots.map((s) => (s.ok ? s.slotMs : NaN)).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(250, 3);
    } finally {
      await other?.close();
    }
  });

  it("refuses a slot beyond the bounded wait without moving the line, and says when it drains", async () => {
    const id = account();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => reserveZoomSlot(t.database.db, id, 5, 1000)),
    );
    const taken = answers.filter((a) => a.ok);
    const refused = answers.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Only the taken slots moved the line: the next one follows the last taken, one gap later.
    const last = Math.max(...taken.map((a) => (a.ok ? a.slotMs : 0)));
    const next = await reserveZoomSlot(t.database.db, id, 5, 60_000);
    expect(next.ok && next.slotMs - last).toBeCloseTo(250, 3);
  });

  it("learns a stated limit exactly, lowers it only on a guess, and paces by the lower of learned and set", async () => {
    const id = account();
    await learnZoomLimit(t.database.db, id, { limit: 30, exact: true, pauseMs: 0 });
    expect(await findZoomLimit(t.database.db, id)).toBe(30);
    await learnZoomLimit(t.database.db, id, { limit: 80, exact: false, pauseMs: 0 });
    expect(await findZoomLimit(t.database.db, id)).toBe(30);
    await learnZoomLimit(t.database.db, id, { limit: 4, exact: false, pauseMs: 0 });
    expect(await findZoomLimit(t.database.db, id)).toBe(4);
    await learnZoomLimit(t.database.db, id, { limit: 30, exact: true, pauseMs: 0 });
    // Learned 30 and set 5: 4/s, 250 ms apart.
    const a = await reserveZoomSlot(t.database.db, id, 5, 60_000);
    const b = await reserveZoomSlot(t.database.db, id, 5, 60_000);
    expect(a.ok && b.ok && b.slotMs - a.slotMs).toBeCloseTo(250, 3);
  });

  it("a Retry-After pause beyond the bounded wait refuses at once", async () => {
    const id = account();
    await learnZoomLimit(t.database.db, id, { limit: 30, exact: false, pauseMs: 3_600_000 });
    const refused = await reserveZoomSlot(t.database.db, id, 30, 20_000);
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.retryAfterSeconds).toBeGreaterThan(3500);
  });

  it("mints through the emulator's 5/s limit: the first burst learns it from Zoom's answers, the next gets no 429", async () => {
    const { emulator, vault } = t.setup;
    const fetchVia = (url: string, init: RequestInit) => emulator.handle(new Request(url, init));
    const paced = {
      ...vault,
      zoom: createZoomClient(zoomConfig(), observeRateLimits(fetchVia)),
      pacer: new ZoomPacer(t.database.db, 20_000),
    };
    const tenant = await createTenant(t.database.db);
    const { user } = await connectZoomUser(t.setup, tenant, `${account()}@zoom.test`);
    emulator.setAccountRateLimit(user.account_id, { perSecond: 5 });
    const found = await findConnection(t.database.db, tenant.tenantId);
    const burst = () =>
      Promise.all(
        Array.from({ length: 8 }, () =>
          mintToken(paced, "zak", found!.connection, found!.grant, {}),
        ),
      );

    const first = await burst();
    expect(first.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await findZoomLimit(t.database.db, user.account_id)).toBe(5);

    const before = emulator.stats().rateLimited.QPS;
    const second = await burst();
    expect(second.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(emulator.stats().rateLimited.QPS - before).toBe(0);
    expect(second.some((r) => (r.pacedMs ?? 0) > 0)).toBe(true);
  });

  it("answers 503 with Retry-After once the line is longer than the bounded wait", async () => {
    const { vault } = t.setup;
    const tenant = await createTenant(t.database.db);
    await connectZoomUser(t.setup, tenant, `${account()}@zoom.test`);
    const found = await findConnection(t.database.db, tenant.tenantId);
    // A tenant that set a 2/s plan limit (paced at 1/s) and a bounded wait of one second.
    const connection = { ...found!.connection, zoomRateLimit: 2 };
    const pacer = new ZoomPacer(t.database.db, 1000);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        mintToken({ ...vault, pacer }, "zak", connection, found!.grant, {}),
      ),
    );
    const refused = answers.filter((a) => a.status === 503);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(r.body).toMatch(/line is longer than 1 s/);
    }
  });
});
