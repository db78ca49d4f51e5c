import { connectZoom, createTenant, uniqueEmail, uniqueSlug } from "../support/api";
import { createApiKey, v1Client } from "../support/api-keys";
import { expect, test } from "../support/fixtures";

const TENANT = "/api/v1/tenants/{slug}";

test.describe("/api/v1 with an API key", () => {
  test("the whole lifecycle: tenant, connection, URL secret, a ZAK, activity pages, delete", async ({
    appUrl,
    owner,
  }) => {
    test.slow(); // many requests, and a connect flow
    const { key } = await createApiKey(owner);
    const api = await v1Client(appUrl, key);
    const slug = uniqueSlug("v1");
    const created = await api.call("POST", "/api/v1/tenants", { data: { name: "V1", slug } });
    expect(created.res.status()).toBe(201);
    expect(created.body).toMatchObject({ slug, role: "owner" });

    const before = await api.call("GET", `${TENANT}/connection`, {
      path: `/api/v1/tenants/${slug}/connection`,
    });
    expect(before.body).toMatchObject({ status: "not_connected", health: null, scopes: [] });
    // The Zoom user connects through the dashboard's flow (the owner's session).
    await connectZoom(owner, slug, { email: uniqueEmail("v1zoom") });
    const after = await api.call("GET", `${TENANT}/connection`, {
      path: `/api/v1/tenants/${slug}/connection`,
    });
    expect(after.body).toMatchObject({ status: "connected", health: { state: "ok" } });
    expect((after.body as { scopes: string[] }).scopes).toContain("user:read:token");

    const secret = await api.call("POST", `${TENANT}/url-secrets`, {
      path: `/api/v1/tenants/${slug}/url-secrets`,
      data: { label: "bot", kinds: ["zak", "obf"] },
    });
    expect(secret.res.status()).toBe(201);
    const { urls, id } = secret.body as { urls: { zak: string }; id: string };
    expect(
      (await owner.http.get(urls.zak.replace(/\?token=.*$/, "?token=zak_wrong"))).status(),
    ).toBe(401);
    // Bots fetch without the API key (an Authorization header would be taken as the URL secret).
    for (let i = 0; i < 3; i++) expect((await owner.http.get(urls.zak)).status()).toBe(200);

    const activity = (query: string) =>
      api.call("GET", `${TENANT}/activity`, { path: `/api/v1/tenants/${slug}/activity?${query}` });
    const served = await activity("outcome=served&kind=zak&limit=2");
    const first = served.body as { requests: { id: number }[]; nextCursor: string | null };
    expect(first.requests).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const next = (await activity(`outcome=served&limit=2&cursor=${first.nextCursor}`)).body as {
      requests: { id: number; outcome: string }[];
      nextCursor: string | null;
    };
    expect(next.requests.map((r) => r.outcome)).toEqual(["served"]);
    expect(next.nextCursor).toBeNull();
    const ids = [...first.requests, ...next.requests].map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    const refused = (await activity("outcome=bad_secret")).body as { requests: unknown[] };
    expect(refused.requests).toHaveLength(1);
    expect((await activity("kind=nope")).res.status()).toBe(400);

    const revoked = await api.call("DELETE", `${TENANT}/url-secrets/{id}`, {
      path: `/api/v1/tenants/${slug}/url-secrets/${id}`,
    });
    expect(revoked.body).toEqual({ id, revoked: true });
    expect((await owner.http.get(urls.zak)).status()).toBe(401);

    const gone = await api.call("DELETE", TENANT, { path: `/api/v1/tenants/${slug}` });
    expect(gone.body).toEqual({ slug, deleted: true });
    const missing = await api.call("GET", TENANT, { path: `/api/v1/tenants/${slug}` });
    expect(missing.res.status()).toBe(404);
  });

  test("401 without a key, with a wrong one, and once revoked", async ({ appUrl, owner }) => {
    const { id, key } = await createApiKey(owner);
    for (const wrong of [null, "zbk_" + "A".repeat(43), "not-a-key"]) {
      const { res, body } = await (await v1Client(appUrl, wrong)).call("GET", "/api/v1/tenants");
      expect(res.status()).toBe(401);
      expect(body).toMatchObject({ error: { code: "unauthorized" } });
    }
    const api = await v1Client(appUrl, key);
    expect((await api.call("GET", "/api/v1/tenants")).res.status()).toBe(200);
    expect((await owner.http.delete(`/api/api-keys/${id}`)).status()).toBe(200);
    expect((await api.call("GET", "/api/v1/tenants")).res.status()).toBe(401);
  });

  test("a key limited to one tenant sees only it (404 elsewhere) and cannot create tenants", async ({
    appUrl,
    owner,
  }) => {
    const allowed = await createTenant(owner);
    const other = await createTenant(owner);
    const { key } = await createApiKey(owner, { tenants: [allowed] });
    const api = await v1Client(appUrl, key);
    const list = await api.call("GET", "/api/v1/tenants");
    expect((list.body as { tenants: { slug: string }[] }).tenants.map((t) => t.slug)).toEqual([
      allowed,
    ]);
    expect(
      (await api.call("GET", TENANT, { path: `/api/v1/tenants/${allowed}` })).res.status(),
    ).toBe(200);
    expect((await api.call("GET", TENANT, { path: `/api/v1/tenants/${other}` })).res.status()).toBe(
      404,
    );
    const create = await api.call("POST", "/api/v1/tenants", { data: { name: "No" } });
    expect(create.res.status()).toBe(403);
  });

  test("a key has its creator's live rights: demoted → 403, removed → 404", async ({
    appUrl,
    owner,
    signUp,
  }) => {
    const slug = await createTenant(owner);
    const admin = await signUp();
    const added = await owner.http.post(`/api/tenants/${slug}/members`, {
      data: { email: admin.email, role: "admin" },
    });
    const { userId } = (await added.json()) as { userId: string };
    const api = await v1Client(appUrl, (await createApiKey(admin)).key);
    const secrets = { path: `/api/v1/tenants/${slug}/url-secrets` };
    expect((await api.call("GET", `${TENANT}/url-secrets`, secrets)).res.status()).toBe(200);
    // Admins may not delete a tenant: owners only.
    expect(
      (await api.call("DELETE", TENANT, { path: `/api/v1/tenants/${slug}` })).res.status(),
    ).toBe(403);
    await owner.http.post(`/api/tenants/${slug}/members`, {
      data: { email: admin.email, role: "member" },
    });
    expect((await api.call("GET", `${TENANT}/url-secrets`, secrets)).res.status()).toBe(403);
    expect((await owner.http.delete(`/api/tenants/${slug}/members/${userId}`)).status()).toBe(200);
    expect((await api.call("GET", `${TENANT}/url-secrets`, secrets)).res.status()).toBe(404);
  });

  test("Idempotency-Key: retries, even concurrent ones, make one tenant; another body is 422", async ({
    appUrl,
    owner,
  }) => {
    const api = await v1Client(appUrl, (await createApiKey(owner)).key);
    const slug = uniqueSlug("idem");
    const post = (name: string) =>
      api.call("POST", "/api/v1/tenants", {
        data: { name, slug },
        headers: { "idempotency-key": `create-${slug}` },
      });
    const answers = await Promise.all([post("Idem"), post("Idem"), post("Idem")]);
    const statuses = answers.map((a) => a.res.status());
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    // A duplicate that arrives while the first still runs is told to retry; none makes a tenant.
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const retry = await post("Idem");
    expect(retry.res.status()).toBe(201);
    expect(retry.res.headers()["idempotent-replayed"]).toBe("true");
    expect(retry.body).toEqual(answers.find((a) => a.res.status() === 201)!.body);
    const list = await api.call("GET", "/api/v1/tenants", { path: "/api/v1/tenants?limit=100" });
    const slugs = (list.body as { tenants: { slug: string }[] }).tenants.map((t) => t.slug);
    expect(slugs.filter((s) => s === slug)).toHaveLength(1);
    expect((await post("Other name")).res.status()).toBe(422);
  });

  test("tenant list pages by cursor", async ({ appUrl, owner }) => {
    for (let i = 0; i < 3; i++) await createTenant(owner);
    const api = await v1Client(appUrl, (await createApiKey(owner)).key);
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const path: string = `/api/v1/tenants?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await api.call("GET", "/api/v1/tenants", { path })).body as {
        tenants: { slug: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.tenants.map((t) => t.slug));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(3);
    expect([...seen].sort()).toEqual(seen);
  });
});
