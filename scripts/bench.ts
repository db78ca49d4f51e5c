// npm run bench – figures for the bot path (secret check, cached access token, ZAK from Zoom, audit)
// and for a refresh storm, on PGlite and (with TEST_DATABASE_URL) PostgreSQL. Zoom is the in-process
// emulator, so the figures are the broker's own cost. Prints a table; asserts nothing.
import { insertUrlSecret } from "../db/queries/url-secrets";
import { testEngines } from "../db/testing";
import {
  connectZoomUser,
  createTenant,
  expireCachedAccessToken,
  testVault,
} from "../lib/vault/testing";
import { serveTokenRequest } from "../lib/zak/serve";
import { generateUrlSecret } from "../lib/zak/url-secret";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timed(concurrency: number, total: number, run: () => Promise<number>) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const t = performance.now();
        const status = await run();
        latencies.push(performance.now() - t);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    "req/s": Math.round(total / seconds),
    "p50 ms": percentile(latencies, 50).toFixed(2),
    "p95 ms": percentile(latencies, 95).toFixed(2),
    "p99 ms": percentile(latencies, 99).toFixed(2),
    statuses: JSON.stringify(Object.fromEntries(statuses)),
  };
}

const rows: Record<string, unknown>[] = [];
for (const engine of testEngines()) {
  const database = await engine.open();
  const setup = testVault(database.db);
  const tenant = await createTenant(database.db);
  const { user } = await connectZoomUser(setup, tenant, `bench-${engine.name}@zoom.test`);
  const { secret, prefix, hash } = generateUrlSecret();
  await insertUrlSecret(database.db, {
    tenantId: tenant.tenantId,
    label: "bench",
    prefix,
    secretHash: hash,
    createdByUserId: tenant.userId,
  });
  const serve = async () =>
    (
      await serveTokenRequest(setup.vault, {
        slug: tenant.slug,
        secret,
        kind: "zak",
        clientIp: "127.0.0.1",
        headers: new Headers(),
      })
    ).status;

  await timed(4, 200, serve); // warm up
  rows.push({
    engine: engine.name,
    case: "bot path, 1 at a time",
    ...(await timed(1, 2000, serve)),
  });
  rows.push({
    engine: engine.name,
    case: "bot path, 20 concurrent",
    ...(await timed(20, 4000, serve)),
  });

  const refreshesBefore = setup.emulator.stats().grants.refresh_token;
  await expireCachedAccessToken(database.db, user.id);
  const storm = await timed(100, 100, serve);
  rows.push({
    engine: engine.name,
    case: `100 at expiry (refreshes: ${setup.emulator.stats().grants.refresh_token - refreshesBefore})`,
    ...storm,
  });
  await database.close();
}
console.table(rows);
