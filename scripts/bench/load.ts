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
