import { request } from "@playwright/test";
import { PASSWORD, signIn, uniqueEmail, uniqueSlug } from "../support/api";
import { expect, test } from "../support/fixtures";
import { errorBody, parseJson, readJson, tenantBody, tenantList } from "../support/schemas";

test.describe("accounts", () => {
  test("POST /api/signup – 201, then 409 for the same email in any case", async ({ appUrl }) => {
    const http = await request.newContext({ baseURL: appUrl });
    const email = uniqueEmail();
    const created = await http.post("/api/signup", { data: { email, password: PASSWORD } });
    expect(created.status()).toBe(201);
    expect(await readJson(created)).toMatchObject({ email, name: null });
    const again = await http.post("/api/signup", {
      data: { email: email.toUpperCase(), password: PASSWORD },
    });
    expect(again.status()).toBe(409);
    expect((await parseJson(again, errorBody)).error.message).toMatch(/already exists/);
    await http.dispose();
  });

  const json = "application/json";
  const badSignups: [string, string, string, number, RegExp][] = [
    [
      "a malformed email",
      json,
      JSON.stringify({ email: "nope", password: PASSWORD }),
      400,
      /email/,
    ],
    [
      "a short password",
      json,
      JSON.stringify({ email: uniqueEmail(), password: "short" }),
      400,
      /password/,
    ],
    ["a missing password", json, JSON.stringify({ email: uniqueEmail() }), 400, /password/],
    ["a body that is not JSON", json, "{nope", 400, /not valid JSON/],
    ["a form body", "application/x-www-form-urlencoded", "email=a", 415, /application\/json/],
    ["an array body", json, "[1,2]", 400, /object/],
    [
      "a huge body",
      json,
      JSON.stringify({ email: "a@b.co", password: "x".repeat(20_000) }),
      413,
      /too large/,
    ],
  ];
  for (const [what, type, body, status, message] of badSignups) {
    test(`POST /api/signup – ${status} for ${what}`, async ({ appUrl }) => {
      const res = await fetch(`${appUrl}/api/signup`, {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
      expect(res.status).toBe(status);
      expect((await parseJson(res, errorBody)).error.message).toMatch(message);
    });
  }

  test("POST /api/auth/callback/credentials – accepts the right password and refuses a wrong one", async ({
    appUrl,
    owner: user,
  }) => {
    expect((await user.http.get("/api/tenants")).status()).toBe(200);
    const other = await request.newContext({ baseURL: appUrl, maxRedirects: 0 });
    const wrong = await signIn(other, user.email, "wrong password!");
    expect(wrong.headers()["location"]).toContain("error=CredentialsSignin");
    expect((await other.get("/api/tenants")).status()).toBe(401);
    await other.dispose();
  });

  test("POST /api/auth/callback/credentials – ten wrong passwords lock that email for a while, known or not; other accounts still sign in", async ({
    appUrl,
    signUp,
  }) => {
    // Every attempt verifies a scrypt hash: a dozen or more of them are slow on a loaded machine.
    test.slow();
    const victim = await signUp();
    const bystander = await signUp();
    const unknown = uniqueEmail("nobody");
    const guesser = await request.newContext({ baseURL: appUrl, maxRedirects: 0 });
    for (let i = 0; i < 10; i++) {
      for (const email of [victim.email, unknown]) {
        expect((await signIn(guesser, email, `guess ${i}!`)).headers()["location"]).toContain(
          "error=CredentialsSignin",
        );
      }
    }
    for (const email of [victim.email, unknown]) {
      expect((await signIn(guesser, email, PASSWORD)).headers()["location"]).toContain(
        "error=TooManySignInAttempts",
      );
    }
    expect((await guesser.get("/api/tenants")).status()).toBe(401);
    const other = await request.newContext({ baseURL: appUrl, maxRedirects: 0 });
    expect((await signIn(other, bystander.email, PASSWORD)).headers()["location"]).not.toContain(
      "error=",
    );
    expect((await other.get("/api/tenants")).status()).toBe(200);
    await Promise.all([guesser.dispose(), other.dispose()]);
  });

  test("POST /api/auth/callback/credentials – ten wrong passwords from address X leave the right password from address Y signing in, while X waits", async ({
    appUrl,
    signUp,
  }) => {
    // Every attempt verifies a scrypt hash: a dozen or more of them are slow on a loaded machine.
    test.slow();
    const victim = await signUp();
    // This app trusts one proxy (TRUSTED_PROXY_HOPS=1): X-Forwarded-For's last entry is the client.
    const at = (address: string) =>
      request.newContext({
        baseURL: appUrl,
        maxRedirects: 0,
        extraHTTPHeaders: { "x-forwarded-for": address },
      });
    const octet = () => Math.floor(Math.random() * 250) + 1;
    const [x, y] = await Promise.all([at(`198.51.100.${octet()}`), at(`203.0.113.${octet()}`)]);
    for (let i = 0; i < 10; i++)
      expect((await signIn(x, victim.email, `guess ${i}!`)).headers()["location"]).toContain(
        "error=CredentialsSignin",
      );
    const throttled = (await signIn(x, victim.email, PASSWORD)).headers()["location"]!;
    const wait = Number(/error=TooManySignInAttempts%3A(\d+)/.exec(throttled)?.[1]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect((await signIn(y, victim.email, PASSWORD)).headers()["location"]).not.toContain("error=");
    expect((await y.get("/api/tenants")).status()).toBe(200);
    await Promise.all([x.dispose(), y.dispose()]);
  });

  test("GET /api/tenants – 401 when signed out, and dashboard pages redirect to sign-in", async ({
    appUrl,
  }) => {
    const anonymous = await request.newContext({ baseURL: appUrl, maxRedirects: 0 });
    expect((await anonymous.get("/api/tenants")).status()).toBe(401);
    expect((await anonymous.post("/api/tenants", { data: { name: "x" } })).status()).toBe(401);
    const page = await anonymous.get("/tenants");
    expect(page.status()).toBe(307);
    expect(page.headers()["location"]).toContain("/sign-in");
    await anonymous.dispose();
  });
});

test.describe("tenants", () => {
  test("POST /api/tenants – the creator becomes owner; GET lists it; slugs are unique", async ({
    owner: user,
    signUp,
  }) => {
    const slug = uniqueSlug();
    const res = await user.http.post("/api/tenants", { data: { name: "Acme Sales", slug } });
    expect(res.status()).toBe(201);
    expect(await parseJson(res, tenantBody)).toMatchObject({
      slug,
      name: "Acme Sales",
      role: "owner",
    });
    const list = await parseJson(await user.http.get("/api/tenants"), tenantList);
    expect(list.tenants).toEqual([expect.objectContaining({ slug, role: "owner" })]);
    const taken = await (
      await signUp()
    ).http.post("/api/tenants", { data: { name: "Other", slug } });
    expect(taken.status()).toBe(409);
  });

  test("POST /api/tenants – derives a slug from the name and refuses bad input with the field named", async ({
    owner: user,
  }) => {
    const name = `Zürich Ops ${uniqueSlug()}`;
    const derived = await user.http.post("/api/tenants", { data: { name } });
    expect((await parseJson(derived, tenantBody)).slug).toMatch(/^zurich-ops-t-/);
    for (const [data, field] of [
      [{ name: "" }, "name"],
      [{ name: "x", slug: "Has Spaces" }, "slug"],
      [{ name: "x", slug: "-edge-" }, "slug"],
      [{ name: "!!!" }, "slug"],
    ] as const) {
      const res = await user.http.post("/api/tenants", { data });
      expect(res.status()).toBe(400);
      expect((await parseJson(res, errorBody)).error.message).toContain(field);
    }
  });

  test("GET /api/tenants/:slug – 404 for a non-member, the same as for a tenant that does not exist", async ({
    ownerTenant: slug,
    signUp,
  }) => {
    const stranger = await signUp();
    for (const path of [
      `/api/tenants/${slug}`,
      `/api/tenants/${slug}/zoom`,
      `/api/tenants/${slug}/activity`,
    ]) {
      const res = await stranger.http.get(path);
      expect(res.status()).toBe(404);
      expect(await readJson(res)).toEqual({
        error: { code: "not_found", message: "Tenant not found" },
      });
    }
    expect((await stranger.http.get(`/api/tenants/${uniqueSlug()}`)).status()).toBe(404);
    expect((await stranger.http.post(`/api/tenants/${slug}/secrets`, { data: {} })).status()).toBe(
      404,
    );
    expect((await stranger.http.get("/api/tenants/NOT a slug")).status()).toBe(404);
  });

  test("POST /api/tenants/:slug/members – owners add existing users by email; roles gate what they can do", async ({
    owner,
    ownerTenant: slug,
    signUp,
  }) => {
    const member = await signUp();
    const unknown = await owner.http.post(`/api/tenants/${slug}/members`, {
      data: { email: uniqueEmail(), role: "member" },
    });
    expect(unknown.status()).toBe(404);
    const added = await owner.http.post(`/api/tenants/${slug}/members`, {
      data: { email: member.email, role: "member" },
    });
    expect(added.status()).toBe(201);
    expect((await member.http.get(`/api/tenants/${slug}`)).status()).toBe(200);
    expect((await member.http.get(`/api/tenants/${slug}/secrets`)).status()).toBe(403);
    expect((await member.http.post(`/api/tenants/${slug}/zoom/connect`)).status()).toBe(403);
    expect(
      (
        await member.http.post(`/api/tenants/${slug}/members`, {
          data: { email: owner.email, role: "member" },
        })
      ).status(),
    ).toBe(403);
    const bad = await owner.http.post(`/api/tenants/${slug}/members`, {
      data: { email: member.email, role: "king" },
    });
    expect(bad.status()).toBe(400);
    expect((await parseJson(bad, errorBody)).error.message).toContain("role");
  });
});
