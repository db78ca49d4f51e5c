import { expect, test } from "@playwright/test";
import postgres from "postgres";
import {
  connectZoom,
  createTenant,
  createZakUrl,
  emulatorOf,
  getZoomStatus,
  signedInUser,
  uniqueEmail,
  type SignedIn,
} from "../support/api";
import { freePort, spawnApp, type SpawnedApp } from "../support/spawn-app";
import { pglite as emulatorTarget } from "../support/targets";

// Two app processes on one PostgreSQL, started by the test so it can kill one (kill -9) or stop it
// (SIGTERM) while it holds a refresh lease. They use the shared standalone emulator under a Zoom app
// of their own, registered with their callback URLs.
const databaseUrl = process.env.E2E_DATABASE_URL;
const NEXT_START = ["node", "node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p"];
const ZOOM_TIMEOUT_MS = 1500;
/** The apps' lease: 2 × ZOOM_TIMEOUT_MS + 2 s (lib/vault/lease.ts). */
const LEASE_MS = 2 * ZOOM_TIMEOUT_MS + 2000;
const APP = {
  clientId: "broker-e2e-crash",
  clientSecret: "broker-e2e-crash-secret",
  webhookSecretToken: "broker-e2e-crash-webhook",
};

const emulator = emulatorOf(emulatorTarget);

async function startApp(port: number): Promise<SpawnedApp> {
  return spawnApp(
    [...NEXT_START, "{port}"],
    {
      DATABASE_URL: databaseUrl!,
      APP_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
      TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 1).toString("base64")}`,
      ZOOM_CLIENT_ID: APP.clientId,
      ZOOM_CLIENT_SECRET: APP.clientSecret,
      ZOOM_WEBHOOK_SECRET_TOKEN: APP.webhookSecretToken,
      ZOOM_OAUTH_URL: emulatorTarget.emulatorUrl,
      ZOOM_API_URL: emulatorTarget.emulatorUrl,
      ZOOM_TIMEOUT_MS: String(ZOOM_TIMEOUT_MS),
    },
    port,
  );
}

test.describe.serial("a refresh lease held by a process that dies or stops", () => {
  test.skip(!databaseUrl, "needs PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(120_000);

  const ports: number[] = [];
  let first: SpawnedApp;
  let second: SpawnedApp;
  let owner: SignedIn;
  let sql: postgres.Sql;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    ports.push(await freePort(), await freePort(), await freePort());
    const res = await fetch(`${emulatorTarget.emulatorUrl}/_emulator/clients`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        ...APP,
        redirectUris: ports.map((p) => `http://127.0.0.1:${p}/api/zoom/callback`),
      }),
    });
    expect(res.status).toBe(201);
    [first, second] = await Promise.all([startApp(ports[0]!), startApp(ports[1]!)]);
    owner = await signedInUser(second.url);
    sql = postgres(databaseUrl!, { max: 1, onnotice: () => {} });
  });

  test.afterAll(async () => {
    await emulator.clearFaults();
    await Promise.all([first?.stop(), second?.stop()]);
    await owner?.http.dispose();
    await sql?.end();
  });

  /** A tenant connected through `second`, its bot URL path, and its grant's id. */
  async function tenantWithExpiredToken() {
    const slug = await createTenant(owner);
    const email = uniqueEmail("lease");
    await connectZoom(owner, slug, { email });
    const url = new URL((await createZakUrl(owner, slug)).zakUrl);
    const [row] =
      await sql`update zoom_grants set access_token_expires_at = now() - interval '1 second'
                where email = ${email} returning id, version`;
    return { slug, path: `${url.pathname}${url.search}`, grantId: row!.id as string };
  }

  /** Waits until `app` holds the grant's lease and its refresh request has reached Zoom. */
  async function refreshAtZoom(app: SpawnedApp, tenant: { path: string; grantId: string }) {
    const calls = (await emulator.stats()).endpoints.token ?? 0;
    void fetch(`${app.url}${tenant.path}`).catch(() => null);
    await expect.poll(() => leaseOwnerOf(tenant.grantId)).not.toBeNull();
    await expect.poll(async () => (await emulator.stats()).endpoints.token).toBeGreaterThan(calls);
  }

  const leaseOwnerOf = async (grantId: string) =>
    (await sql`select refresh_lease_owner from zoom_grants where id = ${grantId}`)[0]!
      .refresh_lease_owner as string | null;

  test("kill -9 of the process holding the lease before Zoom saw the refresh: the other process takes over, no reconnect", async () => {
    const tenant = await tenantWithExpiredToken();
    const before = await emulator.stats();
    // The holder's request reaches Zoom, which drops it without rotating anything, much later.
    await emulator.fault({
      endpoint: "token",
      kind: "drop",
      latencyMs: 20_000,
      grantType: "refresh_token",
    });
    await refreshAtZoom(first, tenant);
    await first.stop("SIGKILL");

    // The other process waits out the lease, takes it over and refreshes with the stored token.
    const res = await fetch(`${second.url}${tenant.path}`);
    expect(res.status).toBe(200);
    expect((await fetch(`${second.url}${tenant.path}`)).status).toBe(200);
    const after = await emulator.stats();
    expect(after.grants.refresh_token - before.grants.refresh_token).toBe(1);
    expect(after.grants.authorization_code - before.grants.authorization_code).toBe(0);
    expect((await getZoomStatus(owner, tenant.slug)).status).toBe("connected");
  });

  test("kill -9 of the holder after Zoom rotated the token: the grant ends reauth_required, named as an interrupted refresh", async () => {
    first = await startApp(ports[2]!);
    const tenant = await tenantWithExpiredToken();
    // Zoom commits the rotation after a while and drops the answer; the holder is dead by then.
    await emulator.fault({
      endpoint: "token",
      kind: "drop_after_commit",
      latencyMs: 1000,
      grantType: "refresh_token",
    });
    const rotated = (await emulator.stats()).grants.refresh_token + 1;
    await refreshAtZoom(first, tenant);
    await first.stop("SIGKILL");
    await expect.poll(async () => (await emulator.stats()).grants.refresh_token).toBe(rotated);

    const res = await fetch(`${second.url}${tenant.path}`);
    expect(res.status).toBe(409);
    const status = await getZoomStatus(owner, tenant.slug);
    expect(status).toMatchObject({
      status: "reauth_required",
      reauthReason: "a refresh was interrupted after Zoom rotated the token",
    });
  });

  test("SIGTERM while a background refresh is at Zoom: the process finishes it and commits before exiting", async () => {
    const tenant = await tenantWithExpiredToken();
    // Inside the refresh margin but valid: the request is served and a background refresh starts.
    await sql`update zoom_grants set access_token_expires_at = now() + interval '2 minutes'
              where id = ${tenant.grantId}`;
    const [{ version }] =
      (await sql`select version from zoom_grants where id = ${tenant.grantId}`) as [
        { version: number },
      ];
    await emulator.fault({
      endpoint: "token",
      kind: "latency",
      latencyMs: Math.min(LEASE_MS, ZOOM_TIMEOUT_MS) - 300,
      grantType: "refresh_token",
    });
    const before = await emulator.stats();
    expect((await fetch(`${second.url}${tenant.path}`)).status).toBe(200);
    await expect.poll(() => leaseOwnerOf(tenant.grantId)).not.toBeNull();
    await second.stop("SIGTERM");

    const [row] = await sql`select version, refresh_lease_owner, refresh_interrupted_at
                            from zoom_grants where id = ${tenant.grantId}`;
    expect(row).toMatchObject({
      version: version + 1,
      refresh_lease_owner: null,
      refresh_interrupted_at: null,
    });
    const after = await emulator.stats();
    expect(after.grants.refresh_token - before.grants.refresh_token).toBe(1);
    expect(after.invalidGrant - before.invalidGrant).toBe(0);
    expect(second.output()).toMatch(/refresh leases released/);
  });
});
