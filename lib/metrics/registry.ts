import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    botRequests: new Counter({
      name: "zak_broker_bot_token_requests_total",
      help: "Token requests on the bot path, by token kind and outcome",
      labelNames: ["kind", "outcome"] as const,
      registers,
    }),
    botLatency: new Histogram({
      name: "zak_broker_bot_token_request_duration_seconds",
      help: "Time to answer a token request on the bot path",
      labelNames: ["kind"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    zoomCalls: new Counter({
      name: "zak_broker_zoom_requests_total",
      help: "Requests to Zoom, by endpoint and HTTP status (or timeout / network_error)",
      labelNames: ["endpoint", "status"] as const,
      registers,
    }),
    refreshes: new Counter({
      name: "zak_broker_token_refreshes_total",
      help: "Access token refreshes attempted at Zoom, by outcome",
      labelNames: ["outcome"] as const,
      registers,
    }),
    dbStatements: new Counter({
      name: "zak_broker_db_statements_total",
      help: "Statements sent to the database (each one round trip; transactions' begin and commit not counted)",
      registers,
    }),
    grants: new Gauge({
      name: "zak_broker_grants",
      help: "Stored Zoom grants by status, counted when scraped",
      labelNames: ["status"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// On globalThis: instrumentation and route handlers are separate module graphs in one process,
// and a metric name can be registered only once.
const holder = globalThis as unknown as { __brokerMetrics?: Metrics };

export function getMetrics(): Metrics {
  holder.__brokerMetrics ??= createMetrics();
  return holder.__brokerMetrics;
}
