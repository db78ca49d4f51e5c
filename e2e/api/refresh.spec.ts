// Runs in the api-postgres project only (playwright.config.ts): it needs two app processes on one
// PostgreSQL database, and reads that database directly.
import postgres from "postgres";
import {
  connectZoom,
  createTenant,
  createUrlSecret,
  createZakUrl,
  uniqueEmail,
} from "../support/api";
import { expect, test } from "../support/fixtures";

const zakTokenOf = (zakUrl: string) => new URL(zakUrl).searchParams.get("token")!;

test.describe("two app processes on one PostgreSQL", () => {
  test("GET /api/zak/:tenant – 100 concurrent requests at expiry over two processes: exactly one refresh, 100 answers of 200", async ({
    target,
    owner,
    ownerTenant: slug,
    emulator,
  }) => {
    const [appA, appB] = target.appUrls;
    expect(appB, "the target runs two app processes").toBeDefined();
    const zoomEmail = uniqueEmail("zoom");
    await connectZoom(owner, slug, { email: zoomEmail });
    const token = new URL((await createZakUrl(owner, slug)).zakUrl).searchParams.get("token")!;

    // Make the cached access token due for refresh, as both processes see it in the shared database.
    const sql = postgres(target.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      await sql`update zoom_grants set access_token_expires_at = now() - interval '1 second' where email = ${zoomEmail}`;
      const before = await emulator.stats();

      const answers = await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const res = await fetch(`${i % 2 ? appB : appA}/api/zak/${slug}?token=${token}`);
          return res.status;
        }),
      );
      const after = await emulator.stats();
      expect(answers).toEqual(Array(100).fill(200));
      expect(after.grants.refresh_token - before.grants.refresh_token).toBe(1);
      expect(after.invalidGrant - before.invalidGrant).toBe(0);

      const [row] =
        await sql`select version, status, access_token_expires_at > now() as fresh from zoom_grants where email = ${zoomEmail}`;
      expect(row).toMatchObject({ status: "active", fresh: true });
    } finally {
      await sql.end();
    }
  });

  test("GET /api/access-token/:tenant – the cached token has 100 s left: 20 requests over two processes, one refresh, each served token valid ≥ 120 s", async ({
    target,
    owner,
    ownerTenant: slug,
    emulator,
  }) => {
    const [appA, appB] = target.appUrls;
    const zoomEmail = uniqueEmail("zoom");
    await connectZoom(owner, slug, { email: zoomEmail });
    const { urls } = await createUrlSecret(owner, slug, { kinds: ["access_token"] });
    const path = new URL(urls.access_token!);
    const sql = postgres(target.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      await sql`update zoom_grants set access_token_expires_at = now() + interval '100 seconds' where email = ${zoomEmail}`;
      const before = await emulator.stats();
      const tokens = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const res = await fetch(`${i % 2 ? appB : appA}${path.pathname}${path.search}`);
          expect(res.status).toBe(200);
          return res.text();
        }),
      );
      const after = await emulator.stats();
      expect(after.grants.refresh_token - before.grants.refresh_token).toBe(1);
      expect(new Set(tokens).size).toBe(1);
      const issued = (await emulator.issuedToken(tokens[0]!)).body as { expiresAt: string };
      expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThanOrEqual(120_000);
    } finally {
      await sql.end();
    }
  });

  test("GET /api/zak/:tenant – 20 refreshes hung at Zoom over two processes do not delay a 21st tenant with a fresh token", async ({
    target,
    owner,
    emulator,
  }) => {
    test.setTimeout(120_000);
    const [appA, appB] = target.appUrls as [string, string];
    const tenants: { slug: string; email: string; zakUrl: string }[] = [];
    for (let i = 0; i < 21; i++) {
      const slug = await createTenant(owner);
      const email = uniqueEmail("hung");
      await connectZoom(owner, slug, { email });
      tenants.push({ slug, email, zakUrl: (await createZakUrl(owner, slug)).zakUrl });
    }
    const hung = tenants.slice(0, 20);
    const fresh = tenants[20]!;
    const sql = postgres(target.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      await sql`update zoom_grants set access_token_expires_at = now() - interval '1 second'
                where email in ${sql(hung.map((t) => t.email))}`;
    } finally {
      await sql.end();
    }
    const before = (await emulator.stats()).endpoints.token ?? 0;
    await emulator.fault({
      endpoint: "token",
      kind: "latency",
      latencyMs: 1500, // the apps' ZOOM_TIMEOUT_MS
      times: 20,
      grantType: "refresh_token",
    });

    const finished: string[] = [];
    const slow = hung.map((t, i) => {
      const url = new URL(t.zakUrl);
      const app = i % 2 ? appB : appA;
      return fetch(`${app}${url.pathname}${url.search}`).then((res) => {
        finished.push(`hung:${res.status}`);
      });
    });
    // Every one of the 20 refreshes is waiting at Zoom.
    await expect
      .poll(async () => (await emulator.stats()).endpoints.token, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(before + 20);
    const answers = await Promise.all(
      [appA, appB].map(async (app) => {
        const res = await fetch(`${app}/api/zak/${fresh.slug}?token=${zakTokenOf(fresh.zakUrl)}`);
        finished.push(`fresh:${res.status}`);
        return res.status;
      }),
    );
    await Promise.all(slow);
    expect(answers).toEqual([200, 200]);
    expect(finished.slice(0, 2)).toEqual(["fresh:200", "fresh:200"]);
    expect(finished.filter((f) => f.startsWith("hung:500"))).toEqual([]);
  });

  test("GET /api/zak/:tenant – a 30 s outage of Zoom's token endpoint (5xx, then 429 with Retry-After): no 500, no token lost, calls bounded by the backoff, the cached token served while valid", async ({
    target,
    owner,
    ownerTenant: slug,
    emulator,
  }) => {
    test.setTimeout(120_000);
    const [appA, appB] = target.appUrls as [string, string];
    const zoomEmail = uniqueEmail("outage");
    await connectZoom(owner, slug, { email: zoomEmail });
    const token = zakTokenOf((await createZakUrl(owner, slug)).zakUrl);
    const sql = postgres(target.databaseUrl!, { max: 1, onnotice: () => {} });
    const grant = async () =>
      (
        await sql`select version, status, refresh_failures from zoom_grants where email = ${zoomEmail}`
      )[0]!;
    try {
      // Inside the refresh margin but still valid: every request now wants a refresh ahead.
      await sql`update zoom_grants set access_token_expires_at = now() + interval '2 minutes' where email = ${zoomEmail}`;
      const version = (await grant()).version as number;
      const before = await emulator.stats();
      await emulator.fault({
        endpoint: "token",
        kind: "server_error",
        status: 503,
        forSeconds: 15,
        grantType: "refresh_token",
      });
      await emulator.fault({
        endpoint: "token",
        kind: "rate_limit",
        retryAfterSeconds: 10,
        forSeconds: 30,
        grantType: "refresh_token",
      });

      const answers: { phase: "valid" | "expired"; status: number; retryAfter: number }[] = [];
      const outageEnds = Date.now() + 30_000;
      let phase: "valid" | "expired" = "valid";
      for (let i = 0; Date.now() < outageEnds; i++) {
        if (phase === "valid" && outageEnds - Date.now() < 8_000) {
          // The cached token really expires before the outage ends.
          await sql`update zoom_grants set access_token_expires_at = now() - interval '1 second' where email = ${zoomEmail}`;
          phase = "expired";
        }
        const res = await fetch(`${i % 2 ? appB : appA}/api/zak/${slug}?token=${token}`);
        answers.push({
          phase,
          status: res.status,
          retryAfter: Number(res.headers.get("retry-after") ?? 0),
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const during = await emulator.stats();
      const calls = (during.endpoints.token ?? 0) - (before.endpoints.token ?? 0);
      console.log(`token-endpoint calls during the outage: ${calls}; requests: ${answers.length}`);

      expect(answers.filter((a) => a.status === 500)).toEqual([]);
      expect(answers.filter((a) => a.phase === "valid").map((a) => a.status)).toEqual(
        answers.filter((a) => a.phase === "valid").map(() => 200),
      );
      const expired = answers.filter((a) => a.phase === "expired");
      expect(expired.length).toBeGreaterThan(0);
      for (const a of expired) {
        expect(a.status).toBe(503);
        expect(a.retryAfter).toBeGreaterThan(0);
      }
      // Backoff 5 s, 10 s, 20 s… (or Zoom's Retry-After): a handful of calls, not one per request.
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(calls).toBeLessThanOrEqual(5);
      expect(answers.length).toBeGreaterThan(50);

      // Zoom is back; the backoff's wait has passed. Service resumes on the same grant.
      await emulator.clearFaults();
      await sql`update zoom_grants set refresh_retry_at = now() where email = ${zoomEmail}`;
      expect((await fetch(`${appA}/api/zak/${slug}?token=${token}`)).status).toBe(200);
      const after = await emulator.stats();
      expect(after.grants.refresh_token - before.grants.refresh_token).toBe(1);
      expect(after.grants.authorization_code - before.grants.authorization_code).toBe(0);
      expect(after.invalidGrant - before.invalidGrant).toBe(0);
      expect(await grant()).toMatchObject({
        version: version + 1,
        status: "active",
        refresh_failures: 0,
      });
    } finally {
      await sql.end();
    }
  });

  test("a database dump holds no plaintext token or URL secret", async ({
    target,
    owner,
    ownerTenant: slug,
  }) => {
    await connectZoom(owner, slug, { email: uniqueEmail("zoom") });
    const { zakUrl } = await createZakUrl(owner, slug);
    const zak = await (await fetch(zakUrl)).text();
    const sql = postgres(target.databaseUrl!, { max: 1, onnotice: () => {} });
    const tables = [
      "users",
      "tenants",
      "memberships",
      "zoom_grants",
      "zoom_connections",
      "url_secrets",
      "token_requests",
    ];
    let dump = "";
    try {
      for (const table of tables) {
        const rows = await sql.unsafe(`select row_to_json(t)::text as row from ${table} t`);
        dump += rows.map((r) => r.row as string).join("\n");
      }
    } finally {
      await sql.end();
    }
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).not.toContain(new URL(zakUrl).searchParams.get("token")!);
    expect(dump).not.toContain(zak);
    // Zoom's access and refresh tokens are JWTs: none may appear in the clear.
    expect(dump).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  });
});
