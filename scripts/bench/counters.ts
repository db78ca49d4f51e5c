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

/** The target's statement count: the app's Prometheus metrics, or the bare server's own endpoint. */
export async function statementCount(
  target: { kind: "app" | "bare"; url: string },
  metricsToken: string,
): Promise<number | null> {
  if (target.kind === "bare")
    return (
      (await (await fetch(`${target.url}/_bench/statements`)).json()) as { statements: number }
    ).statements;
  const res = await fetch(`${target.url}/api/metrics`, {
    headers: { authorization: `Bearer ${metricsToken}` },
  });
  const line = /^zak_broker_db_statements_total (\d+)/m.exec(await res.text());
  return line ? Number(line[1]) : null;
}
