// For ops specs on PostgreSQL: a fresh database, a Zoom emulator in the test process, app processes
// the spec starts, stops and restarts itself, and a stream of bot requests across them.
import { expect } from "@playwright/test";
import { createFreshPostgresDatabase } from "../../db/testing";
import { startZoomEmulatorServer } from "../../lib/zoom-emulator";
import { connectZoom, createTenant, createZakUrl, signedInUser, uniqueEmail } from "./api";
import { freePort, NEXT_START, spawnApp, type SpawnedApp } from "./spawn-app";
import { ZOOM_APP } from "./targets";

export type OpsStack = Awaited<ReturnType<typeof startOpsStack>>;

/**
 * `appCount` app slots (ports chosen now, processes started with `start`), one emulator, one database.
 * With `zoomWebhooks`, the emulator sends its deauthorization events to the first slot.
 */
export async function startOpsStack(
  adminUrl: string,
  appCount: number,
  options: { zoomWebhooks?: boolean } = {},
) {
  const database = await createFreshPostgresDatabase(adminUrl);
  const ports = await Promise.all(Array.from({ length: appCount }, () => freePort()));
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const zoom = await startZoomEmulatorServer({
    port: 0,
    clients: [
      {
        clientId: ZOOM_APP.clientId,
        clientSecret: ZOOM_APP.clientSecret,
        redirectUris: urls.map((url) => `${url}/api/zoom/callback`),
        webhookSecretToken: ZOOM_APP.webhookSecretToken,
        ...(options.zoomWebhooks ? { webhookUrl: `${urls[0]}/api/zoom/webhook` } : {}),
      },
    ],
    controls: true,
  });
  const apps: (SpawnedApp | null)[] = urls.map(() => null);

  const envOf = (slot: number, extra: Record<string, string>) => ({
    DATABASE_URL: database.url,
    AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
    APP_URL: urls[slot]!,
    ZOOM_CLIENT_ID: ZOOM_APP.clientId,
    ZOOM_CLIENT_SECRET: ZOOM_APP.clientSecret,
    ZOOM_WEBHOOK_SECRET_TOKEN: ZOOM_APP.webhookSecretToken,
    ZOOM_OAUTH_URL: zoom.url,
    ZOOM_API_URL: zoom.url,
    ZOOM_TIMEOUT_MS: "1500",
    ...extra,
  });

  return {
    databaseUrl: database.url,
    urls,
    emulator: zoom.emulator,
    emulatorUrl: zoom.url,
    app: (slot: number) => apps[slot]!,
    /** Starts slot `slot` with `env` added to the common configuration; resolves once health answers at all. */
    async start(slot: number, env: Record<string, string>) {
      apps[slot] = await spawnApp(NEXT_START, envOf(slot, env), ports[slot]!);
      return apps[slot];
    },
    async stop(slot: number) {
      await apps[slot]?.stop();
      apps[slot] = null;
    },
    async close() {
      for (const app of apps) await app?.stop();
      await zoom.close();
      await database.drop();
    },
  };
}

/** A signed-up owner with `count` tenants, each connected to its own Zoom user; their ZAK URLs' paths. */
export async function connectedTenants(appUrl: string, count: number): Promise<string[]> {
  const owner = await signedInUser(appUrl);
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const slug = await createTenant(owner);
    const landed = await connectZoom(owner, slug, { email: uniqueEmail("host") });
    expect(landed.searchParams.get("zoom")).toBe("connected");
    const { zakUrl } = await createZakUrl(owner, slug);
    const url = new URL(zakUrl);
    paths.push(`${url.pathname}${url.search}`);
  }
  await owner.http.dispose();
  return paths;
}

export interface BotAnswer {
  /** Order in which the request was sent. */
  seq: number;
  app: number;
  status: number;
  retryAfter: string | null;
  body: string;
}

/**
 * Bots asking for ZAKs without pause (a few at a time) from whichever app slots `inService` names,
 * as a load balancer would send them. `drain(slot)` waits for the requests a slot is still answering,
 * so a test can take it out of service and stop it without cutting a request off.
 */
export function botTraffic(paths: string[], urls: string[], inService: Set<number>, workers = 3) {
  const answers: BotAnswer[] = [];
  const pending = new Map<number, Set<Promise<unknown>>>(urls.map((_, i) => [i, new Set()]));
  let running = true;
  let turn = 0;
  let started = 0;
  const worker = async () => {
    while (running) {
      const slots = [...inService];
      if (slots.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const app = slots[turn % slots.length]!;
      const path = paths[turn % paths.length]!;
      turn++;
      const seq = started++;
      const request = fetch(`${urls[app]}${path}`).then(
        async (res) => ({
          seq,
          app,
          status: res.status,
          retryAfter: res.headers.get("retry-after"),
          body: res.status === 200 ? "" : await res.text(),
        }),
        (err: unknown) => ({ seq, app, status: 0, retryAfter: null, body: String(err) }),
      );
      pending.get(app)!.add(request);
      answers.push(await request);
      pending.get(app)!.delete(request);
    }
  };
  const all = Array.from({ length: workers }, worker);
  return {
    answers,
    /** How many requests have been sent so far: answers with a `seq` at least this were sent later. */
    get started() {
      return started;
    },
    async drain(slot: number) {
      await Promise.all(pending.get(slot)!);
    },
    async stop() {
      running = false;
      await Promise.all(all);
      return answers;
    },
  };
}

/** Waits until GET /api/health of `url` answers `status`. */
export async function expectHealth(url: string, status: number) {
  await expect
    .poll(async () => (await fetch(`${url}/api/health`)).status, { timeout: 30_000 })
    .toBe(status);
}
