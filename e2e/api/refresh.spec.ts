// Runs in the api-postgres project only (playwright.config.ts): it needs two app processes on one
// PostgreSQL database, and reads that database directly.
import postgres from "postgres";
import { connectZoom, createUrlSecret, createZakUrl, uniqueEmail } from "../support/api";
import { expect, test } from "../support/fixtures";

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
