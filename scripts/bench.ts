// npm run bench [-- --quick] [-- --heap]: the bot path over HTTP on PostgreSQL, the built app (`next
// start`) beside a bare node:http server running the same library code, with the Zoom emulator in
// its own process; then a refresh storm over two app processes. Prints a table and writes the
// figures to bench/results/. Asserts nothing about speed; it fails only when a case served no token.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/client";
import { createFreshPostgresDatabase } from "../db/testing";
import { generateKeyringValue, parseKeyring } from "../lib/crypto/keyring";
import { expireCachedAccessToken } from "../lib/vault/testing";
import {
  emulatorStats,
  memoryOf,
  READING_STATEMENTS,
  statementCount,
  zoomCalls,
} from "./bench/counters";
import { takeHeapSnapshot } from "./bench/heap";
import { load, loadAtOnce, type LoadFigures } from "./bench/load";
import { peakRssOf, spawnReady, type Spawned } from "./bench/processes";
import { freePort } from "./free-port";
import { markdownTable } from "./bench/report";
import { createConnectedTenants } from "./bench/tenants";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    heap: { type: "boolean", default: false },
    // Requests per case at concurrency 50 and 200 (a fifth of it at 1), and how many bot requests
    // the app has served when its peak RSS is read: smaller on a busy machine.
    requests: { type: "string", default: "10000" },
    "soak-to": { type: "string", default: "100000" },
  },
});
const requests = Number(flags.requests);
// Quick: a few seconds per case so CI keeps the benchmark running; the figures mean little.
const PLAN = flags.quick
  ? {
      tenants: 20,
      warmUp: 50,
      amount: { 1: 50, 50: 200, 200: 200 },
      appRequestsAtEnd: 0,
      storm: 100,
    }
  : {
      tenants: 1000,
      warmUp: 500,
      amount: { 1: Math.ceil(requests / 5), 50: requests, 200: requests },
      appRequestsAtEnd: Number(flags["soak-to"]),
      storm: 500,
    };
const CONCURRENCY = [1, 50, 200] as const;
const SOAK_STEP = 10_000;
// A Pro account's Light limit; 300 bots take about 10 s of it, inside the default 20 s pacing wait.
const BURST = flags.quick ? { bots: 60, perSecond: 30 } : { bots: 300, perSecond: 30 };

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";
if (!existsSync(".next/BUILD_ID")) {
  console.log("No production build in .next: running `npx next build` first.");
  execFileSync("npx", ["next", "build"], { stdio: "inherit" });
}

const database = await createFreshPostgresDatabase(adminUrl);
const { db, close: closeDb } = await openDatabase({ kind: "postgres", url: database.url });
const spawned: Spawned[] = [];
try {
  await run();
} finally {
  for (const proc of spawned.reverse()) await proc.stop();
  await closeDb();
  await database.drop();
}

async function run() {
  const zoomApp = { clientId: "bench-client", clientSecret: "bench-secret", webhook: "bench-hook" };
  const [emulatorPort, app1Port, app2Port, barePort] = await Promise.all(
    Array.from({ length: 4 }, () => freePort()),
  );
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const emulatorUrl = url(emulatorPort!);
  const keyringValue = generateKeyringValue("bench");
  const metricsToken = randomBytes(24).toString("base64url");
  const heapDir = mkdtempSync(path.join(os.tmpdir(), "bench-heap-"));

  const tsx = [process.execPath, "--import", "tsx"];
  const emulator = await spawnReady(
    "zoom emulator",
    [
      ...tsx,
      "scripts/zoom-emulator.ts",
      ...["--port", String(emulatorPort), "--client-id", zoomApp.clientId],
      ...["--client-secret", zoomApp.clientSecret, "--webhook-secret-token", zoomApp.webhook],
      ...["--redirect-uris", [app1Port, app2Port, barePort].map((p) => `${url(p!)}/cb`).join(",")],
    ],
    { url: emulatorUrl, readyPath: "/_emulator/stats", env: {} },
  );
  spawned.push(emulator);

  const envFor = (port: number) => ({
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    TOKEN_ENCRYPTION_KEYS: keyringValue,
    APP_URL: url(port),
    ZOOM_CLIENT_ID: zoomApp.clientId,
    ZOOM_CLIENT_SECRET: zoomApp.clientSecret,
    ZOOM_WEBHOOK_SECRET_TOKEN: zoomApp.webhook,
    ZOOM_OAUTH_URL: emulatorUrl,
    ZOOM_API_URL: emulatorUrl,
    METRICS_TOKEN: metricsToken,
  });
  // The README's run command, `npm start`: its V8 heap limit is part of what is measured.
  const nextStart = (port: number) => ["npm", "start", "--", "-H", "127.0.0.1", "-p", String(port)];
  const startApp = (label: string, port: number, env: Record<string, string> = {}) =>
    spawnReady(label, nextStart(port), {
      url: url(port),
      readyPath: "/api/health",
      env: { ...envFor(port), ...env },
    });
  const heapEnv: Record<string, string> = flags.heap
    ? { NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${heapDir}` }
    : {};
  const [app1, app2, bare] = await Promise.all([
    startApp("app 1", app1Port!, heapEnv),
    startApp("app 2", app2Port!),
    // react-server: the condition Next's server code runs under, so `server-only` imports pass.
    spawnReady("bare", [...tsx, "--conditions=react-server", "scripts/bench/bare-server.ts"], {
      url: url(barePort!),
      readyPath: "/api/metrics",
      env: { ...envFor(barePort!), BENCH_PORT: String(barePort) },
    }),
  ]);
  spawned.push(app1, app2, bare);

  console.log(`Connecting ${PLAN.tenants} tenants to Zoom users at the emulator…`);
  const zoom = {
    demo: false,
    clientId: zoomApp.clientId,
    clientSecret: zoomApp.clientSecret,
    webhookSecretToken: zoomApp.webhook,
    oauthUrl: emulatorUrl,
    apiUrl: emulatorUrl,
    redirectUri: `${app1.url}/cb`,
    timeoutMs: 10_000,
    pacingMaxWaitMs: 20_000,
  };
  const tenants = await createConnectedTenants(db, parseKeyring(keyringValue), zoom, PLAN.tenants);
  const one = tenants.slice(0, 1);
  const targets = [
    { kind: "app" as const, name: "app (next start)", url: app1.url, proc: app1 },
    { kind: "bare" as const, name: "bare node:http", url: bare.url, proc: bare },
  ];
  let appRequests = 0;

  async function measure(target: (typeof targets)[number], paths: string[], c: number, n: number) {
    const zoomBefore = zoomCalls(await emulatorStats(emulatorUrl));
    const statementsBefore = await statementCount(target, metricsToken);
    const figures = await load(target.url, paths, c, n);
    const zoomAfter = zoomCalls(await emulatorStats(emulatorUrl));
    const statementsAfter = await statementCount(target, metricsToken);
    if (target.kind === "app") appRequests += figures.requests;
    const served = figures.statuses["200"] ?? 0;
    const perToken = (calls: number) => (served ? round2(calls / served) : null);
    return {
      ...figures,
      rssMbAfter: target.proc.rss(),
      zoomCallsPerToken: perToken(zoomAfter - zoomBefore),
      dbRoundTripsPerToken:
        statementsBefore === null || statementsAfter === null
          ? null
          : perToken(statementsAfter - statementsBefore - READING_STATEMENTS[target.kind]),
    };
  }

  const allPaths = tenants.map((t) => t.path);
  for (const target of targets) await measure(target, allPaths, 10, PLAN.warmUp); // warm up
  const heap = flags.heap ? { afterWarmUp: await takeHeapSnapshot(app1, heapDir) } : null;

  const cases: (Awaited<ReturnType<typeof measure>> & {
    tenants: number;
    target: string;
    kind: "app" | "bare";
    concurrency: number;
  })[] = [];
  for (const paths of [one.map((t) => t.path), tenants.map((t) => t.path)]) {
    for (const concurrency of CONCURRENCY) {
      for (const target of targets) {
        const figures = await measure(target, paths, concurrency, PLAN.amount[concurrency]);
        cases.push({
          tenants: paths.length,
          target: target.name,
          kind: target.kind,
          concurrency,
          ...figures,
        });
        console.log(
          `${target.name}, ${paths.length} tenant(s), c=${concurrency}: ${figures.reqPerSec} req/s`,
        );
      }
    }
  }
  const burst = await zoomBurst(emulatorUrl, [app1.url, app2.url], tenants[1] ?? one[0]!);
  const storm = await refreshStorm(emulatorUrl, [app1.url, app2.url], one[0]!);

  // Enough further requests that the app has served PLAN.appRequestsAtEnd when its peak RSS is read.
  // In steps of 10,000, with the resident memory after each: a leak shows as a climb, garbage not.
  const soak: (LoadFigures & { appRequests: number; rssMb: number })[] = [];
  while (appRequests < PLAN.appRequestsAtEnd) {
    const step = Math.min(SOAK_STEP, PLAN.appRequestsAtEnd - appRequests);
    const figures = await load(app1.url, allPaths, 50, step);
    appRequests += figures.requests;
    soak.push({ ...figures, appRequests, rssMb: app1.rss() });
    console.log(`Soak: app 1 has served ${appRequests} requests; resident ${app1.rss()} MB`);
  }
  const processes = [emulator, app1, app2, bare].map((proc) => ({
    label: proc.label,
    processes: proc.peakRss(),
  }));
  const memory = await Promise.all(
    [app1, app2, bare].map(async (proc) => ({
      process: proc.label,
      ...(await memoryOf(proc, metricsToken)),
    })),
  );
  // Read before the last snapshot, which itself takes memory (the first one, with --heap, counts).
  if (heap) Object.assign(heap, { atEnd: await takeHeapSnapshot(app1, heapDir) });

  processes.push({ label: "benchmark (autocannon)", processes: [peakRssOf(process.pid)] });

  const commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() !== "";
  const rows = cases.map((c) => {
    const bareTwin = cases.find(
      (b) => b.kind === "bare" && b.tenants === c.tenants && b.concurrency === c.concurrency,
    );
    return {
      tenants: c.tenants,
      target: c.target,
      c: c.concurrency,
      "req/s": c.reqPerSec,
      "app/bare": c.kind === "app" && bareTwin ? round2(c.reqPerSec / bareTwin.reqPerSec) : "",
      "p50 ms": c.p50,
      "p95 ms": c.p95,
      "p99 ms": c.p99,
      statuses: statusText(c.statuses, c.errors),
      "Zoom calls/token": c.zoomCallsPerToken ?? "n/a",
      "DB round trips/token": c.dbRoundTripsPerToken ?? "n/a",
      "RSS after MB": c.rssMbAfter,
    };
  });
  console.log(
    `\nPostgreSQL, emulator at 0 ms in its own process; commit ${commit}${dirty ? " (with changes)" : ""}, ${flags.quick ? "quick" : "full"} run\n`,
  );
  console.log(markdownTable(rows));
  console.log(
    `\nRefresh storm: ${storm.requests} concurrent requests at expiry over 2 app processes: ` +
      `${storm.refreshes} refresh(es), ${storm.failures} failure(s), statuses ${statusText(storm.statuses, 0)}, ` +
      `p50 ${storm.p50} ms, p99 ${storm.p99} ms`,
  );
  console.log(
    `\nZoom burst: ${burst.requests} bots at once over 2 app processes for one Zoom account limited to ` +
      `${burst.perSecond} requests/s: statuses ${statusText(burst.statuses, 0)}, ${burst.zoomCalls} Zoom calls, ` +
      `${burst.zoom429s} × 429 from Zoom, all answered in ${burst.seconds} s, p50 ${burst.p50} ms, p99 ${burst.p99} ms`,
  );
  console.log(`\nPeak RSS (VmHWM) after ${appRequests} bot requests to app 1:`);
  console.log(
    markdownTable(
      processes.flatMap(({ label, processes: list }) =>
        list.map((p) => ({ process: label, pid: p.pid, command: p.command, "peak RSS MB": p.mb })),
      ),
    ),
  );
  console.log("\nMemory now (MB): resident, V8's heap (reserved, live) and memory outside it");
  console.log(markdownTable(memory));
  if (soak.length > 0) {
    console.log(
      `\nSoak at c=50 over the ${PLAN.tenants} tenants, app 1's resident memory after each step:`,
    );
    console.log(
      markdownTable(
        soak.map((step) => ({
          "requests served": step.appRequests,
          "req/s": step.reqPerSec,
          statuses: statusText(step.statuses, step.errors),
          "RSS MB": step.rssMb,
        })),
      ),
    );
  }
  if (heap) printHeap(heap);

  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/${flags.quick ? "quick-" : ""}${new Date().toISOString().replace(/[:.]/g, "-")}-${commit.slice(0, 12)}.json`;
  const machine = {
    cpus: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  writeFileSync(
    file,
    `${JSON.stringify({ commit, dirty, quick: flags.quick, machine, cases, soak, appRequests, storm, burst, processes, memory, heap }, null, 2)}\n`,
  );
  console.log(`\nFigures written to ${file} (${Math.round(performance.now() / 1000)} s in all)`);
  const servedNothing = cases.filter((c) => !c.statuses["200"]);
  if (servedNothing.length > 0) {
    console.error(`No token served in ${servedNothing.length} case(s): the benchmark is broken.`);
    process.exitCode = 1;
  }
}

/** Requests at once, over the app processes in turn, for one tenant whose cached token has expired. */
async function refreshStorm(
  emulatorUrl: string,
  appUrls: string[],
  tenant: { path: string; zoomUserId: string },
) {
  await expireCachedAccessToken(db, tenant.zoomUserId);
  const before = await emulatorStats(emulatorUrl);
  const answers = await loadAtOnce(appUrls, tenant.path, PLAN.storm);
  const after = await emulatorStats(emulatorUrl);
  return {
    ...answers,
    refreshes: after.grants.refresh_token - before.grants.refresh_token,
    failures: answers.failures + after.invalidGrant - before.invalidGrant,
  };
}

/**
 * Bots at once, over the app processes in turn, for one Zoom account that the emulator limits to
 * BURST.perSecond: the app paces its Zoom calls so Zoom never says 429. One request first, as a
 * customer's earlier bots would, so the account's limit is known (Zoom states it in every answer).
 */
async function zoomBurst(
  emulatorUrl: string,
  appUrls: string[],
  tenant: { path: string; zoomAccountId: string },
) {
  await fetch(`${emulatorUrl}/_emulator/rate-limits`, {
    method: "POST",
    body: JSON.stringify({ accountId: tenant.zoomAccountId, perSecond: BURST.perSecond }),
  });
  await (await fetch(`${appUrls[0]}${tenant.path}`)).text();
  const before = await emulatorStats(emulatorUrl);
  const answers = await loadAtOnce(appUrls, tenant.path, BURST.bots);
  const after = await emulatorStats(emulatorUrl);
  return {
    ...answers,
    perSecond: BURST.perSecond,
    zoomCalls: zoomCalls(after) - zoomCalls(before),
    zoom429s: after.rateLimited.QPS - before.rateLimited.QPS,
  };
}

function printHeap(
  heap: Record<string, { totalMb: number; groups: { name: string; count: number; mb: number }[] }>,
) {
  for (const [when, summary] of Object.entries(heap)) {
    console.log(
      `\nHeap of app 1 ${when === "atEnd" ? "at the end" : "after warm-up"}: ${summary.totalMb} MB (self size by constructor)`,
    );
    console.log(markdownTable(summary.groups));
  }
}

function statusText(statuses: Record<string, number>, errors: number) {
  return [
    ...Object.entries(statuses).map(([code, n]) => `${n}×${code}`),
    ...(errors ? [`${errors}×error`] : []),
  ].join(" ");
}

function round2(n: number) {
  return Math.round(n * 100) / 100;
}
