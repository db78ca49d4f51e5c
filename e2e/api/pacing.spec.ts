// Runs in the api-postgres project only (playwright.config.ts): calls to Zoom are paced per Zoom
// account across two app processes on one PostgreSQL database.
import { createZakUrl, getActivity } from "../support/api";
import { expect, test } from "../support/fixtures";
import { zoomStatus } from "../support/schemas";

test.describe("Zoom rate-limit pacing over two app processes", () => {
  test("GET /api/zak/:tenant – 60 concurrent requests for one Zoom account limited to 5/s: 60 × 200, no 429 from Zoom once the limit is learned, paced requests shown in the activity", async ({
    target,
    emulator,
    connectedTenant,
  }) => {
    test.setTimeout(90_000);
    const [appA, appB] = target.appUrls as [string, string];
    const { owner, slug, zoomUser } = connectedTenant;
    const account = (await emulator.users()).find((u) => u.id === zoomUser.id)!.account_id;
    expect((await emulator.setRateLimit(account, { perSecond: 5 })).status).toBe(200);
    const path = new URL((await createZakUrl(owner, slug)).zakUrl);
    const zak = (app: string) => fetch(`${app}${path.pathname}${path.search}`);

    // The first answer states the account's limit (X-RateLimit-Limit); both processes pace by it.
    expect((await zak(appA)).status).toBe(200);
    const before = await emulator.stats();
    const statuses = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => (await zak(i % 2 ? appB : appA)).status),
    );
    const after = await emulator.stats();
    expect(statuses).toEqual(Array(60).fill(200));
    expect((after.endpoints.user_token ?? 0) - (before.endpoints.user_token ?? 0)).toBe(60);
    expect(after.rateLimited.QPS - before.rateLimited.QPS).toBe(0);

    const served = (await getActivity(owner, slug)).filter((r) => r.status === 200);
    expect(served.some((r) => r.pacedMs > 0)).toBe(true);
  });

  test("PATCH /api/tenants/:slug/zoom sets the plan's limit (validated); GET /api/zak/:tenant – Zoom's daily 429 pauses the account past the bounded wait: 503 with Retry-After at once, from both processes, without calling Zoom again", async ({
    target,
    emulator,
    owner,
    ownerTenant,
    connectedTenant,
  }) => {
    const [appA, appB] = target.appUrls as [string, string];
    const { slug, zoomUser } = connectedTenant;
    const patch = (data: unknown, tenant = slug) =>
      owner.http.patch(`/api/tenants/${tenant}/zoom`, { data });
    for (const bad of [
      { zoomRateLimit: 0 },
      { zoomRateLimit: "30" },
      {},
      { zoomRateLimit: 30, x: 1 },
    ]) {
      const res = await patch(bad);
      expect(res.status(), JSON.stringify(bad)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBeTruthy();
    }
    expect((await patch({ zoomRateLimit: 30 }, ownerTenant)).status()).toBe(404);
    expect(
      zoomStatus.parse(await (await patch({ zoomRateLimit: null })).json()).zoomRateLimit,
    ).toBeNull();
    const set = await patch({ zoomRateLimit: 30 }); // a Pro plan
    expect(set.status()).toBe(200);
    expect(zoomStatus.parse(await set.json()).zoomRateLimit).toBe(30);

    const account = (await emulator.users()).find((u) => u.id === zoomUser.id)!.account_id;
    await emulator.setRateLimit(account, { perSecond: 30, perDay: 1 });
    const path = new URL((await createZakUrl(owner, slug)).zakUrl);
    const zak = (app: string) => fetch(`${app}${path.pathname}${path.search}`);

    expect((await zak(appA)).status).toBe(200);
    const before = await emulator.stats();
    const answers = [];
    for (const app of [appA, appB, appA, appB]) answers.push(await zak(app));
    const after = await emulator.stats();

    for (const res of answers) {
      expect(res.status).toBe(503);
      // Until midnight UTC, from the daily 429's ISO Retry-After.
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(20);
      expect(await res.text()).toMatch(/Zoom account/);
    }
    expect(after.rateLimited["Daily-limit"] - before.rateLimited["Daily-limit"]).toBe(1);
  });
});
