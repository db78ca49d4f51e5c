// One load case with autocannon: a fixed number of bot requests at a fixed concurrency, spread over
// the given paths; latency percentiles from every response's own time.
import autocannon from "autocannon";

export interface LoadFigures {
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  /** Connection errors and timeouts: requests that got no HTTP status. */
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

export async function load(
  origin: string,
  paths: string[],
  concurrency: number,
  amount: number,
): Promise<LoadFigures> {
  let turn = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: concurrency,
        amount,
        timeout: 30,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[turn++ % paths.length]! }) }],
      },
      (err, done) => (err ? reject(err as Error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
  );
  return {
    requests: latencies.length,
    reqPerSec: Math.round(latencies.length / result.duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    statuses,
    errors: result.errors,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** `count` requests for one path sent at once, spread over the given origins in turn. */
export async function loadAtOnce(origins: string[], path: string, count: number) {
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const sent = performance.now();
      const res = await fetch(`${origins[i % origins.length]}${path}`).catch(() => null);
      await res?.text();
      return { status: res?.status ?? 0, ms: performance.now() - sent };
    }),
  );
  const statuses: Record<string, number> = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
  return {
    requests: count,
    statuses,
    /** Answers other than 200, connection failures (status 0) included. */
    failures: answers.filter((a) => a.status !== 200).length,
    p50: Math.round(percentile(ms, 50)),
    p99: Math.round(percentile(ms, 99)),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
