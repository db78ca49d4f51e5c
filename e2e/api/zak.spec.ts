import { expect, test } from "@playwright/test";
import {
  authorizeOutsideApp,
  connectZoom,
  createTenant,
  createZakUrl,
  emulatorOf,
  signedInUser,
  uniqueEmail,
  uniqueSlug,
} from "../support/api";
import { targets, ZOOM_APP } from "../support/targets";

for (const target of targets) {
  const appUrl = target.appUrls[0]!;
  const emulator = emulatorOf(target);

  async function connectedTenant(zoomEmail = uniqueEmail("zoom")) {
    const owner = await signedInUser(appUrl);
    const slug = await createTenant(owner);
    const landed = await connectZoom(owner, slug, { email: zoomEmail, displayName: "Bot Host" });
    expect(landed.searchParams.get("zoom")).toBe("connected");
    const zoomUser = (await emulator.users()).users.find((u) => u.email === zoomEmail)!;
    return { owner, slug, zoomEmail, zoomUser };
  }

  test.describe(`connect and ZAK URLs on ${target.name}`, () => {
    test.afterEach(async () => {
      await emulator.clearFaults();
    });

    test("connect, create a ZAK URL, fetch a ZAK the emulator issued to that user", async () => {
      const { owner, slug, zoomUser } = await connectedTenant();
      const status = await (await owner.http.get(`/api/tenants/${slug}/zoom`)).json();
      expect(status).toMatchObject({
        status: "connected",
        user: { displayName: "Bot Host", zoomUserId: zoomUser.id },
      });
      const { zakUrl } = await createZakUrl(owner, slug);
      expect(zakUrl).toMatch(new RegExp(`^${appUrl}/api/zak/${slug}\\?token=zak_[0-9A-Za-z]{43}$`));

      const res = await fetch(zakUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      const zak = await res.text();
      const issued = await emulator.issuedToken(zak);
      expect(issued.status).toBe(200);
      expect(issued.body).toMatchObject({ type: "zak", userId: zoomUser.id });
      // Every request mints a fresh ZAK.
      expect(await (await fetch(zakUrl)).text()).not.toBe(zak);
      // The secret may travel in an Authorization header instead of the query string.
      const secret = new URL(zakUrl).searchParams.get("token")!;
      const byHeader = await fetch(`${appUrl}/api/zak/${slug}`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(byHeader.status).toBe(200);
      expect((await emulator.issuedToken(await byHeader.text())).body).toMatchObject({
        userId: zoomUser.id,
      });

      const listed = await (await owner.http.get(`/api/tenants/${slug}/secrets`)).json();
      expect(JSON.stringify(listed)).not.toContain(new URL(zakUrl).searchParams.get("token"));
      const activity = await (await owner.http.get(`/api/tenants/${slug}/activity`)).json();
      expect(activity.requests[0]).toMatchObject({
        outcome: "served",
        status: 200,
        secretLabel: "bot",
      });
      expect(JSON.stringify(activity)).not.toContain("zak_");
    });

    test("the callback refuses a tampered state, a replayed callback, and a denied consent", async () => {
      const owner = await signedInUser(appUrl);
      const slug = await createTenant(owner);
      const tampered = await connectZoom(
        owner,
        slug,
        { email: uniqueEmail("zoom") },
        {
          tamper: (callback) => callback.searchParams.set("state", "forged-state"),
        },
      );
      expect(tampered.searchParams.get("zoom_error")).toBe("state_mismatch");

      let replay = "";
      const ok = await connectZoom(
        owner,
        slug,
        { email: uniqueEmail("zoom") },
        { tamper: (cb) => void (replay = cb.toString()) },
      );
      expect(ok.searchParams.get("zoom")).toBe("connected");
      const again = await owner.http.get(replay);
      expect(new URL(again.headers()["location"]!).searchParams.get("zoom_error")).toBe("expired");

      const other = await createTenant(owner);
      const denied = await connectZoom(
        owner,
        other,
        { email: uniqueEmail("zoom") },
        { decision: "deny" },
      );
      expect(denied.searchParams.get("zoom_error")).toBe("access_denied");
      expect((await (await owner.http.get(`/api/tenants/${other}/zoom`)).json()).status).toBe(
        "not_connected",
      );
    });

    test("a connect attempt started by one user cannot be finished by another", async () => {
      const owner = await signedInUser(appUrl);
      const slug = await createTenant(owner);
      const intruder = await signedInUser(appUrl);
      let callback = "";
      await connectZoom(
        owner,
        slug,
        { email: uniqueEmail("zoom") },
        { tamper: (cb) => void (callback = cb.toString()) },
      );
      const res = await intruder.http.get(callback);
      expect(new URL(res.headers()["location"]!).searchParams.get("zoom_error")).toBe("expired");
    });

    test("secrets: wrong, revoked, other tenant's and unknown tenant all get the same 401", async () => {
      const a = await connectedTenant();
      const b = await connectedTenant();
      const { id, zakUrl } = await createZakUrl(a.owner, a.slug);
      const secret = new URL(zakUrl).searchParams.get("token")!;
      const answers = await Promise.all(
        [
          `/api/zak/${b.slug}?token=${secret}`,
          `/api/zak/${uniqueSlug()}?token=${secret}`,
          `/api/zak/${a.slug}?token=zak_${"x".repeat(43)}`,
          `/api/zak/${a.slug}`,
        ].map(async (path) => {
          const res = await fetch(`${appUrl}${path}`);
          return [res.status, await res.text()] as const;
        }),
      );
      for (const answer of answers)
        expect(answer).toEqual([401, "Missing, invalid or revoked token"]);

      expect((await a.owner.http.delete(`/api/tenants/${a.slug}/secrets/${id}`)).status()).toBe(
        200,
      );
      expect((await fetch(zakUrl)).status).toBe(401);
      expect((await a.owner.http.delete(`/api/tenants/${a.slug}/secrets/${id}`)).status()).toBe(
        404,
      );
      expect(
        (await a.owner.http.delete(`/api/tenants/${a.slug}/secrets/not-a-uuid`)).status(),
      ).toBe(404);
    });

    test("repeated wrong secrets from one address are rate-limited with 429", async () => {
      const { owner, slug } = await connectedTenant();
      const { zakUrl } = await createZakUrl(owner, slug);
      const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
      const attacker = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
      const wrong = `${appUrl}/api/zak/${slug}?token=zak_${"y".repeat(43)}`;
      for (let i = 0; i < 20; i++) expect((await fetch(wrong, from(attacker))).status).toBe(401);
      const limited = await fetch(zakUrl, from(attacker));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await fetch(zakUrl, from("203.0.113.9"))).status).toBe(200);
      const activity = await (await owner.http.get(`/api/tenants/${slug}/activity`)).json();
      expect(activity.requests[1]).toMatchObject({
        outcome: "rate_limited",
        status: 429,
        clientIp: attacker,
      });
    });

    test("the emulator is not mounted when a Zoom app is configured", async () => {
      expect(
        (await fetch(`${appUrl}/zoom-emulator/oauth/authorize?response_type=code`)).status,
      ).toBe(404);
      expect((await fetch(`${appUrl}/zoom-emulator/_emulator/stats`)).status).toBe(404);
    });

    test("several ZAK URLs work at once, so a customer rotates without downtime", async () => {
      const { owner, slug } = await connectedTenant();
      const first = await createZakUrl(owner, slug, "old");
      const second = await createZakUrl(owner, slug, "new");
      expect((await fetch(first.zakUrl)).status).toBe(200);
      expect((await fetch(second.zakUrl)).status).toBe(200);
      await owner.http.delete(`/api/tenants/${slug}/secrets/${first.id}`);
      expect((await fetch(first.zakUrl)).status).toBe(401);
      expect((await fetch(second.zakUrl)).status).toBe(200);
    });

    test("404 for a tenant without a Zoom connection", async () => {
      const owner = await signedInUser(appUrl);
      const slug = await createTenant(owner);
      const { zakUrl } = await createZakUrl(owner, slug);
      const res = await fetch(zakUrl);
      expect([res.status, await res.text()]).toEqual([404, "This tenant has no Zoom connection"]);
    });

    test("Zoom rate limits and outages become 503 with Retry-After, other refusals 502, never 500", async () => {
      const { owner, slug } = await connectedTenant();
      const { zakUrl } = await createZakUrl(owner, slug);
      await emulator.fault({ endpoint: "user_token", kind: "rate_limit", retryAfterSeconds: 9 });
      const limited = await fetch(zakUrl);
      expect([limited.status, limited.headers.get("retry-after")]).toEqual([503, "9"]);
      await emulator.fault({ endpoint: "user_token", kind: "server_error" });
      expect((await fetch(zakUrl)).status).toBe(503);
      // A hung Zoom is cut off by the app's timeout (ZOOM_TIMEOUT_MS=1500 here).
      await emulator.fault({ endpoint: "user_token", kind: "latency", latencyMs: 4000 });
      const hung = await fetch(zakUrl);
      expect([hung.status, await hung.text()]).toEqual([
        503,
        "Zoom is not answering; retry shortly",
      ]);
      expect((await fetch(zakUrl)).status).toBe(200);
    });

    test("a grant killed at Zoom without a webhook answers 409 and the tenant needs reconnecting", async () => {
      const { owner, slug, zoomEmail } = await connectedTenant();
      const { zakUrl } = await createZakUrl(owner, slug);
      await authorizeOutsideApp(target, zoomEmail, ZOOM_APP);
      await emulator.expireAccessTokens();
      const res = await fetch(zakUrl);
      expect([res.status, await res.text()]).toEqual([
        409,
        "The Zoom connection must be reconnected in the dashboard",
      ]);
      expect((await (await owner.http.get(`/api/tenants/${slug}/zoom`)).json()).status).toBe(
        "reauth_required",
      );
      // Reconnecting brings it back.
      await connectZoom(owner, slug, { email: zoomEmail });
      expect((await fetch(zakUrl)).status).toBe(200);
    });

    test("the same Zoom user connected in two tenants keeps both working; disconnecting one keeps the other", async () => {
      const a = await connectedTenant();
      const other = await signedInUser(appUrl);
      const bSlug = await createTenant(other);
      await connectZoom(other, bSlug, { email: a.zoomEmail });
      const urlA = (await createZakUrl(a.owner, a.slug)).zakUrl;
      const urlB = (await createZakUrl(other, bSlug)).zakUrl;
      await emulator.expireAccessTokens();
      expect((await fetch(urlA)).status).toBe(200);
      expect((await fetch(urlB)).status).toBe(200);
      const revokesBefore = (await emulator.stats()).endpoints.revoke ?? 0;
      expect((await a.owner.http.delete(`/api/tenants/${a.slug}/zoom`)).status()).toBe(200);
      expect((await emulator.stats()).endpoints.revoke).toBe(revokesBefore);
      expect((await fetch(urlA)).status).toBe(404);
      const zak = await (await fetch(urlB)).text();
      expect((await emulator.issuedToken(zak)).body).toMatchObject({ userId: a.zoomUser.id });
    });

    test("deauthorization at Zoom disconnects the tenant with a reason", async () => {
      const { owner, slug, zoomUser } = await connectedTenant();
      const { zakUrl } = await createZakUrl(owner, slug);
      const result = await emulator.deauthorize(zoomUser.id);
      expect(result.status).toBe(200);
      const status = await (await owner.http.get(`/api/tenants/${slug}/zoom`)).json();
      expect(status).toMatchObject({ status: "disconnected", user: null });
      expect(status.disconnectedReason).toMatch(/removed the app/);
      expect((await fetch(zakUrl)).status).toBe(404);
    });

    test("disconnect revokes at Zoom and the ZAK URL stops working", async () => {
      const { owner, slug } = await connectedTenant();
      const { zakUrl } = await createZakUrl(owner, slug);
      const before = (await emulator.stats()).endpoints.revoke ?? 0;
      expect((await owner.http.delete(`/api/tenants/${slug}/zoom`)).status()).toBe(200);
      expect((await emulator.stats()).endpoints.revoke).toBe(before + 1);
      expect((await (await owner.http.get(`/api/tenants/${slug}/zoom`)).json()).status).toBe(
        "not_connected",
      );
      expect((await fetch(zakUrl)).status).toBe(404);
    });

    test("the dashboard test mints a ZAK without revealing it", async () => {
      const { owner, slug } = await connectedTenant();
      const res = await owner.http.post(`/api/tenants/${slug}/zak-test`);
      const body = await res.json();
      expect(body).toMatchObject({ ok: true, status: 200, outcome: "served" });
      expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
      expect(JSON.stringify(body)).not.toMatch(/eyJ/);
      const activity = await (await owner.http.get(`/api/tenants/${slug}/activity`)).json();
      expect(activity.requests[0]).toMatchObject({
        source: "dashboard",
        outcome: "served",
        secretLabel: null,
      });
    });
  });
}
