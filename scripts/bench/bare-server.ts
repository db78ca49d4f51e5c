// The bot path without Next: a node:http server answering GET /api/zak/:tenant with the same library
// code as the app's route (config, database, vault, Zoom client, secret check, audit, log line and
// metrics), so the benchmark can show what the framework costs. Started by scripts/bench.ts with the
// app's environment and BENCH_PORT; GET /_bench/statements gives its database statement count.
import { createServer } from "node:http";
import { openDatabase } from "../../db/client";
import { bearerToken } from "../../lib/api/bearer";
import { getConfig } from "../../lib/config";
import { acceptOrCreateRequestId } from "../../lib/log/request-id";
import { countZoomCalls } from "../../lib/metrics/zoom-calls";
import { getMetrics } from "../../lib/metrics/registry";
import type { Vault } from "../../lib/vault/types";
import { observeBotRequest } from "../../lib/zak/observe";
import { serveTokenRequest } from "../../lib/zak/serve";
import { createZoomClient } from "../../lib/zoom/client";

const config = getConfig();
const { db } = await openDatabase(config.database);
const vault: Vault = {
  db,
  keyring: config.keyring,
  zoom: createZoomClient(config.zoom, countZoomCalls(fetch)),
  emailAlerts: config.email !== null,
};
const BOT_PATH = /^\/api\/zak\/([^/]+)$/;
const HEADERS = {
  "content-type": "text/plain; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://bare");
  if (url.pathname === "/_bench/statements") {
    void getMetrics()
      .dbStatements.get()
      .then(({ values }) => res.end(JSON.stringify({ statements: values[0]?.value ?? 0 })));
    return;
  }
  const slug = BOT_PATH.exec(url.pathname)?.[1];
  if (req.method !== "GET" || !slug) {
    res.writeHead(404, HEADERS).end("Not found");
    return;
  }
  const started = performance.now();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === "string") headers.set(name, value);
  void serveTokenRequest(vault, {
    slug,
    secret: bearerToken(headers.get("authorization")) ?? url.searchParams.get("token"),
    kind: "zak",
    clientIp: req.socket.remoteAddress ?? null,
    headers,
    params: url.searchParams,
  }).then(
    (result) => {
      observeBotRequest({
        requestId: acceptOrCreateRequestId(headers.get("x-request-id")),
        slug,
        kind: "zak",
        outcome: result.outcome,
        status: result.status,
        durationMs: performance.now() - started,
      });
      const retry = result.retryAfterSeconds
        ? { "retry-after": `${result.retryAfterSeconds}` }
        : {};
      res.writeHead(result.status, { ...HEADERS, ...retry }).end(result.body);
    },
    (err: unknown) => {
      console.error(err);
      res.writeHead(500, HEADERS).end("Internal error");
    },
  );
});
server.listen(Number(process.env.BENCH_PORT), "127.0.0.1");
process.once("SIGTERM", () => server.close(() => process.exit(0)));
