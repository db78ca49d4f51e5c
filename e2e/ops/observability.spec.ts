// Logs and metrics of a real server: this spec starts its own `next start` (PGlite, production
// build) with stdout piped, against a Zoom emulator in this process that records every token it
// hands out, and checks that the captured log lines name requests but never a token or a secret.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createZoomEmulator } from "../../lib/zoom-emulator";
import {
  PASSWORD,
  connectZoom,
  createTenant,
  createZakUrl,
  signedInUser,
  uniqueEmail,
} from "../support/api";
import { pglite, ZOOM_APP } from "../support/targets";

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const appUrl = `http://127.0.0.1:${3110 + offset}`;
const emulatorPort = 4020 + offset;
const METRICS_TOKEN = "e2e-metrics-token-0123456789";

const emulator = createZoomEmulator({
  clients: [
    {
      clientId: ZOOM_APP.clientId,
      clientSecret: ZOOM_APP.clientSecret,
      redirectUris: [`${appUrl}/api/zoom/callback`],
      webhookSecretToken: ZOOM_APP.webhookSecretToken,
    },
  ],
});
/** Every OAuth code, access token, refresh token and ZAK that crossed the wire to or from Zoom. */
const wireSecrets = new Set<string>();
const SECRET_FIELDS = ["code", "access_token", "refresh_token", "token"];

function remember(fields: Record<string, unknown>) {
  for (const name of SECRET_FIELDS) {
    const value = fields[name];
    if (typeof value === "string" && value) wireSecrets.add(value);
  }
}

let zoomServer: Server;
let app: ChildProcess;
let output = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  zoomServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", `http://127.0.0.1:${emulatorPort}`);
      remember(Object.fromEntries(url.searchParams));
      remember(Object.fromEntries(new URLSearchParams(body.toString())));
      const request = new Request(url, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        ...(body.length ? { body } : {}),
      });
      void emulator.handle(request).then(async (answer) => {
        const text = await answer.text();
        try {
          remember(JSON.parse(text) as Record<string, unknown>);
        } catch {
          // HTML pages and redirects carry nothing to remember beyond their location
        }
        const location = answer.headers.get("location");
        if (location) remember(Object.fromEntries(new URL(location).searchParams));
        res.writeHead(answer.status, Object.fromEntries(answer.headers));
        res.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => zoomServer.listen(emulatorPort, "127.0.0.1", resolve));

  const dataDir = path.resolve(`.data/e2e-${offset}/observability`);
  rmSync(dataDir, { recursive: true, force: true });
  const port = new URL(appUrl).port;
  app = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", port],
    {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        PGLITE_DIR: path.join(dataDir, "db"),
        APP_URL: appUrl,
        ZOOM_CLIENT_ID: ZOOM_APP.clientId,
        ZOOM_CLIENT_SECRET: ZOOM_APP.clientSecret,
        ZOOM_WEBHOOK_SECRET_TOKEN: ZOOM_APP.webhookSecretToken,
        ZOOM_OAUTH_URL: `http://127.0.0.1:${emulatorPort}`,
        ZOOM_API_URL: `http://127.0.0.1:${emulatorPort}`,
        METRICS_TOKEN,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await expect
    .poll(
      () =>
        fetch(`${appUrl}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 90_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (app.exitCode === null) {
    const exited = new Promise((resolve) => app.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await new Promise((resolve) => zoomServer.close(resolve));
});

/** The JSON log lines written so far (Next's own start-up banner is not JSON). */
function logLines(): Record<string, unknown>[] {
  return output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function scrape(): Promise<string> {
  const res = await fetch(`${appUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
}

function sample(metrics: string, series: string): number {
  const line = metrics.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

test.describe("logs and metrics", () => {
  test("the connect and bot flows log each bot request by id, and no token or secret", async () => {
    const owner = await signedInUser(appUrl);
    const slug = await createTenant(owner);
    const landed = await connectZoom(owner, slug, { email: uniqueEmail("zoom") });
    expect(landed.searchParams.get("zoom")).toBe("connected");
    const { zakUrl } = await createZakUrl(owner, slug);
    const urlSecret = new URL(zakUrl).searchParams.get("token")!;

    const served = await fetch(zakUrl);
    expect(served.status).toBe(200);
    const zak = await served.text();
    const requestId = served.headers.get("x-request-id")!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    // A refresh (old and new refresh tokens on the wire), the header form, an id from upstream.
    emulator.expireAccessTokens();
    const byHeader = await fetch(`${appUrl}/api/zak/${slug}`, {
      headers: { authorization: `Bearer ${urlSecret}`, "x-request-id": "upstream-id-0001" },
    });
    expect(byHeader.status).toBe(200);
    expect(byHeader.headers.get("x-request-id")).toBe("upstream-id-0001");
    const refused = await fetch(`${appUrl}/api/zak/${slug}?token=zak_wrong${urlSecret.slice(9)}`);
    expect(refused.status).toBe(401);

    await expect
      .poll(() => logLines().some((line) => line.requestId === "upstream-id-0001"))
      .toBe(true);
    const botLines = logLines().filter((line) => line.route === "GET /api/zak/[tenant]");
    expect(botLines.find((line) => line.requestId === requestId)).toMatchObject({
      tenant: slug,
      kind: "zak",
      outcome: "served",
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(botLines.find((line) => line.outcome === "bad_secret")).toMatchObject({
      tenant: slug,
      status: 401,
      requestId: refused.headers.get("x-request-id"),
    });

    // Codes, access and refresh tokens (before and after the refresh) and ZAKs the emulator issued.
    expect(wireSecrets.size).toBeGreaterThanOrEqual(6);
    expect(wireSecrets).toContain(zak);
    for (const secret of [
      ...wireSecrets,
      urlSecret,
      ZOOM_APP.clientSecret,
      ZOOM_APP.webhookSecretToken,
      PASSWORD,
      METRICS_TOKEN,
    ]) {
      expect(output.includes(secret), `log output contains ${secret.slice(0, 12)}…`).toBe(false);
    }
    expect(output).not.toContain("token=");
  });

  test("the metrics endpoint needs its token and counts bot requests and Zoom calls", async () => {
    for (const authorization of [undefined, "Bearer wrong-metrics-token-000000"]) {
      const res = await fetch(`${appUrl}/api/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(401);
    }
    // Without METRICS_TOKEN (the suite's own PGlite server) the endpoint does not exist.
    expect((await fetch(`${pglite.appUrls[0]}/api/metrics`)).status).toBe(404);

    const owner = await signedInUser(appUrl);
    const slug = await createTenant(owner);
    await connectZoom(owner, slug, { email: uniqueEmail("zoom") });
    const { zakUrl } = await createZakUrl(owner, slug);
    const servedSeries = 'zak_broker_bot_token_requests_total{kind="zak",outcome="served"}';
    const zoomSeries = 'zak_broker_zoom_requests_total{endpoint="/v2/users/me/token",status="200"}';
    const before = await scrape();

    expect((await fetch(zakUrl)).status).toBe(200);
    const after = await scrape();
    expect(sample(after, servedSeries)).toBe(sample(before, servedSeries) + 1);
    expect(sample(after, zoomSeries)).toBe(sample(before, zoomSeries) + 1);
    expect(sample(after, 'zak_broker_grants{status="active"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain("zak_broker_bot_token_request_duration_seconds_bucket");
  });
});
