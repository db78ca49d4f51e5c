// What a case cost besides time: Zoom calls (the emulator's counters) and database statements (the
// target's own counter, zak_broker_db_statements_total), each divided by the tokens served.
import type { EmulatorStats } from "../../lib/zoom-emulator";

export async function emulatorStats(emulatorUrl: string): Promise<EmulatorStats> {
  return (await (await fetch(`${emulatorUrl}/_emulator/stats`)).json()) as EmulatorStats;
}

export const zoomCalls = (stats: EmulatorStats) =>
  Object.values(stats.endpoints).reduce((sum, n) => sum + n, 0);

/** Statements a reading itself adds: the app's scrape runs one query (grants by status) first. */
export const READING_STATEMENTS = { app: 1, bare: 0 };

/** The target's Prometheus metrics: the app's behind METRICS_TOKEN, the bare server's alike. */
async function scrape(target: { url: string }, metricsToken: string): Promise<string> {
  const res = await fetch(`${target.url}/api/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  return res.text();
}

const sample = (text: string, name: string) => {
  const line = new RegExp(`^${name} ([0-9.e+]+)`, "m").exec(text);
  return line ? Number(line[1]) : null;
};

/** The database statements the target has sent (zak_broker_db_statements_total). */
export async function statementCount(
  target: { url: string },
  metricsToken: string,
): Promise<number | null> {
  return sample(await scrape(target, metricsToken), "zak_broker_db_statements_total");
}

/** Where the target's resident memory is, in MB: V8's heap (reserved and live) and the rest. */
export async function memoryOf(target: { url: string }, metricsToken: string) {
  const text = await scrape(target, metricsToken);
  const mb = (name: string) => {
    const bytes = sample(text, name);
    return bytes === null ? null : Math.round(bytes / 2 ** 20);
  };
  return {
    residentMb: mb("process_resident_memory_bytes"),
    heapTotalMb: mb("nodejs_heap_size_total_bytes"),
    heapUsedMb: mb("nodejs_heap_size_used_bytes"),
    externalMb: mb("nodejs_external_memory_bytes"),
  };
}
