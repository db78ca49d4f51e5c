import {
  authorizeOutsideApp,
  connectZoom,
  createTenant,
  createZakUrl,
  getActivity,
  getZoomStatus,
  uniqueEmail,
  uniqueSlug,
} from "../support/api";
import { expect, test } from "../support/fixtures";
import { parseJson, readJson, tokenTestBody } from "../support/schemas";
import { ZOOM_APP } from "../support/targets";

test.describe("connect", () => {
  test("GET /api/zoom/callback – refuses a tampered state, a replayed callback and a denied consent", async ({
    owner,
    ownerTenant: slug,
  }) => {
    const tampered = await connectZoom(
      owner,
      slug,
      { email: uniqueEmail("zoom") },
      { tamper: (callback) => callback.searchParams.set("state", "forged-state") },
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
    expect((await getZoomStatus(owner, other)).status).toBe("not_connected");
  });

  test("GET /api/zoom/callback – a connect started by one user cannot be finished by another", async ({
    owner,
    ownerTenant: slug,
    signUp,
  }) => {
    const intruder = await signUp();
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

  test("GET /zoom-emulator/* – 404 when a Zoom app is configured", async ({ appUrl }) => {
    expect((await fetch(`${appUrl}/zoom-emulator/oauth/authorize?response_type=code`)).status).toBe(
      404,
    );
    expect((await fetch(`${appUrl}/zoom-emulator/_emulator/stats`)).status).toBe(404);
  });
});

test.describe("ZAK URLs", () => {
  test("GET /api/zak/:tenant – 200 with a fresh ZAK the emulator issued to the connected user", async ({
    appUrl,
    connectedTenant: { owner, slug, zoomUser },
    emulator,
  }) => {
    expect(await getZoomStatus(owner, slug)).toMatchObject({
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

    const listed = await readJson(await owner.http.get(`/api/tenants/${slug}/secrets`));
    expect(JSON.stringify(listed)).not.toContain(secret);
    const activity = await getActivity(owner, slug);
    expect(activity[0]).toMatchObject({ outcome: "served", status: 200, secretLabel: "bot" });
    expect(JSON.stringify(activity)).not.toContain("zak_");
  });

  test("GET /api/zak/:tenant – the same 401 for a wrong, revoked, other tenant's or unknown tenant's secret", async ({
    appUrl,
    connectedTenant: a,
    connectTenant,
  }) => {
    const b = await connectTenant();
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

    expect((await a.owner.http.delete(`/api/tenants/${a.slug}/secrets/${id}`)).status()).toBe(200);
    expect((await fetch(zakUrl)).status).toBe(401);
    expect((await a.owner.http.delete(`/api/tenants/${a.slug}/secrets/${id}`)).status()).toBe(404);
    expect((await a.owner.http.delete(`/api/tenants/${a.slug}/secrets/not-a-uuid`)).status()).toBe(
      404,
    );
  });

  test("GET /api/zak/:tenant – 429 with Retry-After after repeated wrong secrets from one address, while the valid URL still works from it", async ({
    appUrl,
    connectedTenant: { owner, slug },
  }) => {
    const { zakUrl } = await createZakUrl(owner, slug);
    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
    const attacker = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const wrong = `${appUrl}/api/zak/${slug}?token=zak_${"y".repeat(43)}`;
    for (let i = 0; i < 20; i++) expect((await fetch(wrong, from(attacker))).status).toBe(401);
    const limited = await fetch(wrong, from(attacker));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await fetch(zakUrl, from(attacker))).status).toBe(200);
    expect((await fetch(wrong, from("203.0.113.9"))).status).toBe(401);
    const activity = await getActivity(owner, slug);
    expect(activity).toContainEqual(
      expect.objectContaining({ outcome: "served", status: 200, clientIp: attacker }),
    );
    // Refusals are sampled: the attacker's first wrong secret of the minute, not all 21.
    expect(activity.filter((r) => r.clientIp === attacker && r.status !== 200)).toEqual([
      expect.objectContaining({ outcome: "bad_secret", status: 401 }),
    ]);
  });

  test("GET /api/zak/:tenant – several ZAK URLs work at once, so a customer rotates without downtime", async ({
    connectedTenant: { owner, slug },
  }) => {
    const first = await createZakUrl(owner, slug, "old");
    const second = await createZakUrl(owner, slug, "new");
    expect((await fetch(first.zakUrl)).status).toBe(200);
    expect((await fetch(second.zakUrl)).status).toBe(200);
    await owner.http.delete(`/api/tenants/${slug}/secrets/${first.id}`);
    expect((await fetch(first.zakUrl)).status).toBe(401);
    expect((await fetch(second.zakUrl)).status).toBe(200);
  });

  test("GET /api/zak/:tenant – 404 for a tenant without a Zoom connection", async ({
    owner,
    ownerTenant: slug,
  }) => {
    const { zakUrl } = await createZakUrl(owner, slug);
    const res = await fetch(zakUrl);
    expect([res.status, await res.text()]).toEqual([404, "This tenant has no Zoom connection"]);
  });

  test("GET /api/zak/:tenant – a Zoom 429 within the bounded wait is waited out; 503 when Zoom fails or hangs, never 500", async ({
    connectedTenant: { owner, slug },
    emulator,
  }) => {
    const { zakUrl } = await createZakUrl(owner, slug);
    // The account's calls pause for Zoom's Retry-After and the request asks again (lib/zoom-pacing);
    // a 429 beyond ZOOM_PACING_MAX_WAIT_SECONDS is a 503 with Retry-After (pacing specs).
    await emulator.fault({ endpoint: "user_token", kind: "rate_limit", retryAfterSeconds: 2 });
    expect((await fetch(zakUrl)).status).toBe(200);
    expect((await getActivity(owner, slug))[0]).toMatchObject({ outcome: "served" });
    await emulator.fault({ endpoint: "user_token", kind: "server_error" });
    expect((await fetch(zakUrl)).status).toBe(503);
    // A hung Zoom is cut off by the app's timeout (ZOOM_TIMEOUT_MS=1500 here).
    await emulator.fault({ endpoint: "user_token", kind: "latency", latencyMs: 4000 });
    const hung = await fetch(zakUrl);
    expect([hung.status, await hung.text()]).toEqual([503, "Zoom is not answering; retry shortly"]);
    expect((await fetch(zakUrl)).status).toBe(200);
  });

  test("GET /api/zak/:tenant – 409 when the grant died at Zoom without a webhook; reconnecting fixes it", async ({
    connectedTenant: { owner, slug, zoomUser },
    emulator,
    target,
  }) => {
    const { zakUrl } = await createZakUrl(owner, slug);
    await authorizeOutsideApp(target, zoomUser.email, ZOOM_APP);
    await emulator.expireAccessTokens();
    const res = await fetch(zakUrl);
    expect([res.status, await res.text()]).toEqual([
      409,
      "The Zoom connection must be reconnected in the dashboard",
    ]);
    expect((await getZoomStatus(owner, slug)).status).toBe("reauth_required");
    // Reconnecting brings it back.
    await connectZoom(owner, slug, { email: zoomUser.email });
    expect((await fetch(zakUrl)).status).toBe(200);
  });

  test("POST /api/tenants/:slug/token-test – mints a ZAK without revealing it", async ({
    connectedTenant: { owner, slug },
  }) => {
    const res = await owner.http.post(`/api/tenants/${slug}/token-test`, { data: { kind: "zak" } });
    const body = await parseJson(res, tokenTestBody);
    expect(body).toMatchObject({ kind: "zak", ok: true, status: 200, outcome: "served" });
    expect(Date.parse(body.expiresAt!)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(body)).not.toMatch(/eyJ/);
    expect((await getActivity(owner, slug))[0]).toMatchObject({
      source: "dashboard",
      outcome: "served",
      secretLabel: null,
    });
  });
});

test.describe("disconnect", () => {
  test("DELETE /api/tenants/:slug/zoom – revokes at Zoom and the ZAK URL stops working", async ({
    connectedTenant: { owner, slug },
    emulator,
  }) => {
    const { zakUrl } = await createZakUrl(owner, slug);
    const before = (await emulator.stats()).endpoints.revoke ?? 0;
    expect((await owner.http.delete(`/api/tenants/${slug}/zoom`)).status()).toBe(200);
    expect((await emulator.stats()).endpoints.revoke).toBe(before + 1);
    expect((await getZoomStatus(owner, slug)).status).toBe("not_connected");
    expect((await fetch(zakUrl)).status).toBe(404);
  });

  test("DELETE /api/tenants/:slug/zoom – the same Zoom user in two tenants: disconnecting one keeps the other", async ({
    connectedTenant: a,
    emulator,
    signUp,
  }) => {
    const other = await signUp();
    const bSlug = await createTenant(other);
    await connectZoom(other, bSlug, { email: a.zoomUser.email });
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

  test("POST /api/zoom/webhook – a deauthorization at Zoom disconnects the tenant with a reason", async ({
    connectedTenant: { owner, slug, zoomUser },
    emulator,
  }) => {
    const { zakUrl } = await createZakUrl(owner, slug);
    expect((await emulator.deauthorize(zoomUser.id)).status).toBe(200);
    const status = await getZoomStatus(owner, slug);
    expect(status).toMatchObject({ status: "disconnected", user: null });
    expect(status.disconnectedReason).toMatch(/removed the app/);
    expect((await fetch(zakUrl)).status).toBe(404);
  });
});
