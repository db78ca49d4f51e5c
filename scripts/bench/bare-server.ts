// The bot path without Next: a node:http server answering GET /api/zak/:tenant with the same library
// code as the app's route (broker: config, database, vault, Zoom client and pacing; secret check, audit, log line
// and metrics), so the benchmark can show what the framework costs. Started by scripts/bench.ts with the
// app's environment and BENCH_PORT; GET /api/metrics gives its Prometheus metrics
// (statement count, memory) like the app's, without the bearer token.
import { createServer } from "node:http";
import { bearerToken } from "../../lib/api/bearer";
import { getBroker } from "../../lib/broker";
import { acceptOrCreateRequestId } from "../../lib/log/request-id";
import { getMetrics } from "../../lib/metrics/registry";
import { observeBotRequest } from "../../lib/zak/observe";
import { serveTokenRequest } from "../../lib/zak/serve";

// The app's own broker: the same database pool, vault, Zoom client and pacing of Zoom calls.
const broker = await getBroker();
const BOT_PATH = /^\/api\/zak\/([^/]+)$/;
const HEADERS = {
  "content-type": "text/plain; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://bare");
  if (url.pathname === "/api/metrics") {
    void getMetrics()
      .registry.metrics()
      .then((text) => res.end(text));
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
  void serveTokenRequest(broker, {
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
