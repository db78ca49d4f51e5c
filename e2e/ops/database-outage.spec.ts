import { createServer, connect, type Server, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import { freePort, NEXT_START, spawnApp, type SpawnedApp } from "../support/spawn-app";
import { E2E_CRON_SECRET as CRON_SECRET } from "../support/targets";

// A PostgreSQL that goes away and comes back: a TCP proxy in front of the real server that the test
// opens and closes. The app is started by the test, because the shared web servers wait for health.
const databaseUrl = process.env.E2E_DATABASE_URL;

class TcpProxy {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async open() {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  /** Stops listening and cuts every open connection, as a database going down does. */
  async close() {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
    this.server = null;
  }
}

function signUp(app: SpawnedApp) {
  return fetch(`${app.url}/api/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: `ops-${Date.now()}@example.com`,
      password: "correct horse battery",
    }),
  });
}

/** Every kind of route answers without a 500 while the database is away. */
async function expectOutageAnswers(app: SpawnedApp) {
  const health = await fetch(`${app.url}/api/health`);
  expect(health.status).toBe(503);
  const healthBody = await health.text();
  expect(JSON.parse(healthBody)).toMatchObject({ error: { message: "database unreachable" } });
  expect(healthBody).not.toMatch(/postgres|127\.0\.0\.1/);

  const zak = await fetch(`${app.url}/api/zak/acme?token=zak_${"a".repeat(43)}`);
  expect([zak.status, zak.headers.get("content-type")]).toEqual([503, "text/plain; charset=utf-8"]);
  expect(Number(zak.headers.get("retry-after"))).toBeGreaterThan(0);

  const signup = await signUp(app);
  expect(signup.status).toBe(503);
  expect(await signup.json()).toMatchObject({ error: { code: "database_unavailable" } });

  const page = await fetch(`${app.url}/sign-in`);
  expect([page.status, page.headers.get("content-type")]).toEqual([
    503,
    "text/html; charset=utf-8",
  ]);

  const cron = await fetch(`${app.url}/api/cron/maintenance`, {
    method: "POST",
    headers: { authorization: `Bearer ${CRON_SECRET}` },
  });
  expect(cron.status).toBe(503);
}

test.describe("PostgreSQL unreachable at start and later", () => {
  test.skip(!databaseUrl, "needs PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(180_000);

  test("GET /api/health – 503 while the database is away, 200 when it is back, with no restart and no 500", async () => {
    const real = new URL(databaseUrl!);
    const proxy = new TcpProxy(await freePort(), {
      host: real.hostname,
      port: Number(real.port || 5432),
    });
    const viaProxy = new URL(databaseUrl!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const port = await freePort();
    const app = await spawnApp(
      NEXT_START,
      {
        DATABASE_URL: viaProxy.toString(),
        DEMO_MODE: "1",
        APP_URL: `http://127.0.0.1:${port}`,
        AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
        TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 1).toString("base64")}`,
        CRON_SECRET,
      },
      port,
    );
    try {
      // Nothing listens on the proxy's port yet: the app started without its database.
      await expectOutageAnswers(app);

      await proxy.open();
      await expect
        .poll(async () => (await fetch(`${app.url}/api/health`)).status, { timeout: 30_000 })
        .toBe(200);
      expect((await fetch(`${app.url}/sign-in`)).status).toBe(200);

      // The maintenance route for hosts without a long-lived process.
      const wrong = await fetch(`${app.url}/api/cron/maintenance`, {
        method: "POST",
        headers: { authorization: "Bearer not-the-secret" },
      });
      expect(wrong.status).toBe(401);
      const cron = await fetch(`${app.url}/api/cron/maintenance`, {
        headers: { authorization: `Bearer ${CRON_SECRET}` },
      });
      expect(cron.status).toBe(200);
      expect(await cron.json()).toMatchObject({ complete: true, failed: 0 });

      // The database goes away while the app runs, and comes back.
      await proxy.close();
      await expect
        .poll(async () => (await fetch(`${app.url}/api/health`)).status, { timeout: 30_000 })
        .toBe(503);
      await expectOutageAnswers(app);
      await proxy.open();
      await expect
        .poll(async () => (await fetch(`${app.url}/api/health`)).status, { timeout: 30_000 })
        .toBe(200);
      const signup = await signUp(app);
      expect(signup.status).toBe(201);

      // Logged once per outage, not once per request.
      const log = app.output();
      expect(log.match(/database unreachable/g)).toHaveLength(2);
      expect(log.match(/database reachable again/g)).toHaveLength(2);
      expect(log).not.toContain(viaProxy.toString());
      expect(log).not.toMatch(/Internal error|unexpected error/);
    } finally {
      await app.stop();
      await proxy.close();
    }
  });
});
