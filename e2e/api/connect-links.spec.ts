import { request } from "@playwright/test";
import postgres from "postgres";
import {
  consentAtZoom,
  createZakUrl,
  getZoomStatus,
  uniqueEmail,
  type SignedIn,
} from "../support/api";
import { createApiKey, v1Client } from "../support/api-keys";
import {
  connectThroughLink,
  createConnectLink,
  endUser,
  linkToken,
  openLink,
  startLink,
} from "../support/connect-links";
import { expect, test } from "../support/fixtures";
import { connectLinkList, createdConnectLink, errorBody, parseJson } from "../support/schemas";

const CUSTOMER_SITE = "https://customer.example/onboarding";

async function openLinkIds(owner: SignedIn, slug: string) {
  const res = await owner.http.get(`/api/tenants/${slug}/connect-links`);
  return (await parseJson(res, connectLinkList)).links.map((l) => l.id);
}

/** POST /api/tenants/:slug/members as the owner: adds `user` or changes their role; their user id. */
async function setRole(owner: SignedIn, slug: string, user: SignedIn, role: "admin" | "member") {
  const res = await owner.http.post(`/api/tenants/${slug}/members`, {
    data: { email: user.email, role },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { userId: string }).userId;
}

const NO_LONGER_VALID = "This connect link is no longer valid";

test.describe("connect links", () => {
  test("an end user with no account connects the tenant through a link, which then says used", async ({
    appUrl,
    owner,
    ownerTenant: slug,
    emulator,
  }) => {
    const link = await createConnectLink(owner, slug);
    expect(link.url).toMatch(new RegExp(`^${appUrl}/connect/zcl_[A-Za-z0-9_-]{43}$`));
    expect(await openLinkIds(owner, slug)).toContain(link.id);
    const visitor = await endUser(appUrl);
    const page = await openLink(visitor, link.url);
    expect(page).toContain(`Connect your Zoom account to Tenant ${slug}`);
    expect(page).toContain("Continue to Zoom");

    const zoomUser = { email: uniqueEmail("enduser"), displayName: "End User" };
    const landed = await connectThroughLink(visitor, link.url, zoomUser);
    expect(landed.pathname).toBe("/connect/done");
    expect(landed.searchParams.get("status")).toBe("connected");
    expect(await (await visitor.get(landed.pathname + landed.search)).text()).toContain(
      "Zoom is connected",
    );
    expect(await getZoomStatus(owner, slug)).toMatchObject({ status: "connected" });
    const zak = await visitor.get((await createZakUrl(owner, slug)).zakUrl);
    expect(zak.status()).toBe(200);
    expect((await emulator.issuedToken(await zak.text())).body).toMatchObject({
      type: "zak",
      email: zoomUser.email,
    });

    expect(await openLink(visitor, link.url)).toContain("This connect link has already been used");
    const again = await startLink(visitor, linkToken(link.url));
    expect([again.status(), new URL(again.headers()["location"]!).pathname]).toEqual([
      303,
      new URL(link.url).pathname,
    ]);
    expect(await openLinkIds(owner, slug)).not.toContain(link.id);
    await visitor.dispose();
  });

  test("a changed token or a revoked link says so and stores nothing", async ({
    appUrl,
    owner,
    ownerTenant: slug,
    emulator,
  }) => {
    const link = await createConnectLink(owner, slug);
    const token = linkToken(link.url);
    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    const codesBefore = (await emulator.stats()).grants.authorization_code;
    const visitor = await endUser(appUrl);

    const page = await openLink(visitor, `${appUrl}/connect/${tampered}`);
    expect(page).toContain("This connect link is not valid");
    expect(page).not.toContain(`Tenant ${slug}`);
    const start = await startLink(visitor, tampered);
    expect(new URL(start.headers()["location"]!).pathname).toBe(`/connect/${tampered}`);

    const revoke = await owner.http.delete(`/api/tenants/${slug}/connect-links/${link.id}`);
    expect(revoke.status()).toBe(200);
    expect(await openLink(visitor, link.url)).toContain("This connect link was revoked");
    expect(new URL((await startLink(visitor, token)).headers()["location"]!).pathname).toBe(
      `/connect/${token}`,
    );
    const twice = await owner.http.delete(`/api/tenants/${slug}/connect-links/${link.id}`);
    expect([twice.status(), (await parseJson(twice, errorBody)).error.code]).toEqual([
      404,
      "not_found",
    ]);

    expect(await getZoomStatus(owner, slug)).toMatchObject({ status: "not_connected" });
    expect((await emulator.stats()).grants.authorization_code).toBe(codesBefore);
    expect(await visitor.storageState()).toMatchObject({ cookies: [] });
    await visitor.dispose();
  });

  test("two browsers holding one link: the first callback wins, the other is told it was used", async ({
    appUrl,
    owner,
    ownerTenant: slug,
    emulator,
  }) => {
    const link = await createConnectLink(owner, slug);
    const [a, b] = [await endUser(appUrl), await endUser(appUrl)];
    const users = [uniqueEmail("tab-a"), uniqueEmail("tab-b")];
    // Both reach Zoom's consent (nothing is claimed before the callback) and hold a callback URL.
    const callbacks = await Promise.all(
      [a, b].map(async (http, i) =>
        consentAtZoom(http, await startLink(http, linkToken(link.url)), { email: users[i]! }),
      ),
    );
    const codesBefore = (await emulator.stats()).grants.authorization_code;
    const landings = await Promise.all(
      [a, b].map(async (http, i) => {
        const res = await http.get(callbacks[i]!.toString());
        return new URL(res.headers()["location"]!).searchParams;
      }),
    );
    const outcomes = landings.map((q) => q.get("status") === "connected" || q.get("error"));
    expect([...outcomes].sort()).toEqual(["link_used", true]);
    const winner = users[outcomes.indexOf(true)];
    const status = await getZoomStatus(owner, slug);
    expect(status).toMatchObject({ status: "connected" });
    expect(await owner.http.get(`/api/tenants/${slug}/zoom`).then((r) => r.text())).toContain(
      winner!,
    );
    // The loser's code was never exchanged: the claim comes first.
    expect((await emulator.stats()).grants.authorization_code).toBe(codesBefore + 1);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  test("an admin removed from the tenant while the end user is at Zoom: the callback stores nothing and the link is no longer valid", async ({
    appUrl,
    owner,
    ownerTenant: slug,
    signUp,
    emulator,
  }) => {
    const admin = await signUp();
    const adminId = await setRole(owner, slug, admin, "admin");
    const link = await createConnectLink(admin, slug);
    const visitor = await endUser(appUrl);
    expect(await openLink(visitor, link.url)).toContain("Continue to Zoom");
    const callback = await consentAtZoom(visitor, await startLink(visitor, linkToken(link.url)), {
      email: uniqueEmail("removed-creator"),
    });

    const removed = await owner.http.delete(`/api/tenants/${slug}/members/${adminId}`);
    expect(removed.status()).toBe(200);
    const codesBefore = (await emulator.stats()).grants.authorization_code;
    const back = await visitor.get(callback.toString());
    expect(back.status()).toBe(303);
    const landed = new URL(back.headers()["location"]!);
    expect([landed.pathname, landed.searchParams.get("error")]).toEqual([
      "/connect/done",
      "link_withdrawn",
    ]);
    expect(await (await visitor.get(landed.pathname + landed.search)).text()).toContain(
      NO_LONGER_VALID,
    );
    // The code was never exchanged and no connection was stored.
    expect((await emulator.stats()).grants.authorization_code).toBe(codesBefore);
    expect(await getZoomStatus(owner, slug)).toMatchObject({ status: "not_connected" });
    expect(await openLink(visitor, link.url)).toContain(NO_LONGER_VALID);
    const again = await startLink(visitor, linkToken(link.url));
    expect(new URL(again.headers()["location"]!).pathname).toBe(new URL(link.url).pathname);
    expect(await openLinkIds(owner, slug)).not.toContain(link.id);
    await visitor.dispose();
  });

  test("links of an admin demoted to member (dashboard and API key) and of a revoked API key are no longer valid and cannot start", async ({
    appUrl,
    owner,
    ownerTenant: slug,
    signUp,
    emulator,
  }) => {
    const admin = await signUp();
    await setRole(owner, slug, admin, "admin");
    const path = `/api/v1/tenants/${slug}/connect-links`;
    const apiLink = async (key: string) => {
      const api = await v1Client(appUrl, key);
      const { res, body } = await api.call("POST", "/api/v1/tenants/{slug}/connect-links", {
        path,
        data: {},
      });
      expect(res.status()).toBe(201);
      await api.http.dispose();
      return createdConnectLink.parse(body);
    };
    const dashboardLink = await createConnectLink(admin, slug);
    const adminKeyLink = await apiLink((await createApiKey(admin)).key);
    const ownerKey = await createApiKey(owner);
    const ownerKeyLink = await apiLink(ownerKey.key);
    const staysOpen = await createConnectLink(owner, slug);
    const links = [dashboardLink, adminKeyLink, ownerKeyLink];
    expect(await openLinkIds(owner, slug)).toEqual(
      expect.arrayContaining([...links, staysOpen].map((l) => l.id)),
    );

    await setRole(owner, slug, admin, "member");
    expect((await owner.http.delete(`/api/api-keys/${ownerKey.id}`)).status()).toBe(200);

    const codesBefore = (await emulator.stats()).grants.authorization_code;
    const visitor = await endUser(appUrl);
    for (const link of links) {
      const page = await openLink(visitor, link.url);
      expect(page, link.url).toContain(NO_LONGER_VALID);
      expect(page).not.toContain("Continue to Zoom");
      const start = await startLink(visitor, linkToken(link.url));
      expect([start.status(), new URL(start.headers()["location"]!).pathname]).toEqual([
        303,
        new URL(link.url).pathname,
      ]);
    }
    const listed = await openLinkIds(owner, slug);
    expect(listed).toContain(staysOpen.id);
    for (const link of links) expect(listed).not.toContain(link.id);
    expect(await openLink(visitor, staysOpen.url)).toContain("Continue to Zoom");
    expect((await emulator.stats()).grants.authorization_code).toBe(codesBefore);
    expect(await getZoomStatus(owner, slug)).toMatchObject({ status: "not_connected" });
    expect(await visitor.storageState()).toMatchObject({ cookies: [] });
    await visitor.dispose();
  });

  test("returnUrl: refused unless the tenant allows it; an allowed one receives the outcome", async ({
    appUrl,
    owner,
    ownerTenant: slug,
  }) => {
    const refused = await owner.http.post(`/api/tenants/${slug}/connect-links`, {
      data: { returnUrl: `${CUSTOMER_SITE}/done` },
    });
    expect(refused.status()).toBe(400);
    expect((await parseJson(refused, errorBody)).error.message).toMatch(/^returnUrl: not allowed/);
    const badEntry = await owner.http.put(`/api/tenants/${slug}/connect-links/return-urls`, {
      data: { returnUrls: ["http://customer.example/"] },
    });
    expect(badEntry.status()).toBe(400);
    const saved = await owner.http.put(`/api/tenants/${slug}/connect-links/return-urls`, {
      data: { returnUrls: [CUSTOMER_SITE] },
    });
    expect(saved.status()).toBe(200);
    const outside = await owner.http.post(`/api/tenants/${slug}/connect-links`, {
      data: { returnUrl: "https://customer.example/onboarding-evil" },
    });
    expect(outside.status()).toBe(400);

    const link = await createConnectLink(owner, slug, { returnUrl: `${CUSTOMER_SITE}/done?u=7` });
    const visitor = await endUser(appUrl);
    const zoomUser = { email: uniqueEmail("returning") };
    // Declining at Zoom goes back too, and leaves the link open for another try.
    const declined = await connectThroughLink(visitor, link.url, zoomUser, { decision: "deny" });
    expect(declined.toString()).toBe(
      `${CUSTOMER_SITE}/done?u=7&status=error&error=access_denied&connect_link_id=${link.id}`,
    );
    const landed = await connectThroughLink(visitor, link.url, zoomUser);
    expect(landed.toString()).toBe(
      `${CUSTOMER_SITE}/done?u=7&status=connected&connect_link_id=${link.id}`,
    );
    await visitor.dispose();
  });

  test("reconnect after the Zoom user removed the app, through a new link", async ({
    appUrl,
    connectedTenant: { owner, slug, zoomUser },
    emulator,
  }) => {
    const { zakUrl } = await createZakUrl(owner, slug);
    expect((await emulator.deauthorize(zoomUser.email)).status).toBe(200);
    expect(await getZoomStatus(owner, slug)).toMatchObject({ status: "disconnected" });
    expect((await owner.http.get(zakUrl)).status()).toBe(404);

    const visitor = await endUser(appUrl);
    const link = await createConnectLink(owner, slug);
    const landed = await connectThroughLink(visitor, link.url, zoomUser);
    expect(landed.searchParams.get("status")).toBe("connected");
    expect(await getZoomStatus(owner, slug)).toMatchObject({
      status: "connected",
      user: { zoomUserId: zoomUser.id },
    });
    expect((await owner.http.get(zakUrl)).status()).toBe(200);
    await visitor.dispose();
  });

  test("past its expiry (moved in the database) the link says expired and cannot start", async ({
    appUrl,
    owner,
    ownerTenant: slug,
    target,
  }) => {
    test.skip(!target.databaseUrl, "needs SQL access to the app's database (PostgreSQL target)");
    const link = await createConnectLink(owner, slug, { expiresInSeconds: 300 });
    const sql = postgres(target.databaseUrl!, { max: 1, onnotice: () => {} });
    await sql`update connect_links set expires_at = now() - interval '1 second' where id = ${link.id}`;
    await sql.end();
    const visitor = await endUser(appUrl);
    expect(await openLink(visitor, link.url)).toContain("This connect link has expired");
    const start = await startLink(visitor, linkToken(link.url));
    expect(new URL(start.headers()["location"]!).pathname).toBe(new URL(link.url).pathname);
    expect(await openLinkIds(owner, slug)).not.toContain(link.id);
    await visitor.dispose();
  });

  test("POST /api/tenants/:slug/connect-links – 400 for an expiry outside 5 minutes … 30 days", async ({
    owner,
    ownerTenant: slug,
  }) => {
    for (const expiresInSeconds of [299, 30 * 86400 + 1, 1.5]) {
      const res = await owner.http.post(`/api/tenants/${slug}/connect-links`, {
        data: { expiresInSeconds },
      });
      expect(res.status(), String(expiresInSeconds)).toBe(400);
      expect((await parseJson(res, errorBody)).error.message).toMatch(/^expiresInSeconds: /);
    }
  });

  test("/api/v1/tenants/:slug/connect-links – an API key creates (idempotently), lists and revokes links", async ({
    appUrl,
    owner,
    ownerTenant: slug,
  }) => {
    const created = await owner.http.post("/api/api-keys", { data: { name: "onboarding" } });
    expect(created.status()).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const api = await request.newContext({
      baseURL: appUrl,
      extraHTTPHeaders: { authorization: `Bearer ${key}` },
    });
    const path = `/api/v1/tenants/${slug}/connect-links`;
    const post = () =>
      api.post(path, { data: { expiresInSeconds: 600 }, headers: { "idempotency-key": slug } });
    const first = await post();
    expect(first.status()).toBe(201);
    const link = await parseJson(first, createdConnectLink);
    const retry = await post();
    expect([retry.status(), retry.headers()["idempotent-replayed"]]).toEqual([201, "true"]);
    expect((await parseJson(retry, createdConnectLink)).id).toBe(link.id);
    expect((await parseJson(await api.get(path), connectLinkList)).links.map((l) => l.id)).toEqual([
      link.id,
    ]);

    const visitor = await endUser(appUrl);
    const landed = await connectThroughLink(visitor, link.url, { email: uniqueEmail("api") });
    expect(landed.searchParams.get("status")).toBe("connected");
    expect(await getZoomStatus(owner, slug)).toMatchObject({ status: "connected" });

    const refused = await api.post(path, { data: { returnUrl: "https://elsewhere.example/" } });
    expect((await parseJson(refused, errorBody)).error.message).toMatch(/^returnUrl: not allowed/);
    const second = await parseJson(await api.post(path, { data: {} }), createdConnectLink);
    const revoked = await api.delete(`${path}/${second.id}`);
    expect(await revoked.json()).toEqual({ id: second.id, revoked: true });
    expect((await api.delete(`${path}/${second.id}`)).status()).toBe(404);
    expect(await openLink(visitor, second.url)).toContain("This connect link was revoked");
    expect((await visitor.get(path)).status()).toBe(401);

    const document = (await (await visitor.get("/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(document.paths[`/api/v1/tenants/{slug}/connect-links`]!).sort()).toEqual([
      "get",
      "post",
    ]);
    expect(Object.keys(document.paths[`/api/v1/tenants/{slug}/connect-links/{id}`]!)).toEqual([
      "delete",
    ]);
    await Promise.all([api.dispose(), visitor.dispose()]);
  });
});
