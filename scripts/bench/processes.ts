// The benchmark's own processes: started in their own process group, ready once a URL answers,
// stopped with SIGTERM; peak RSS (VmHWM) read from /proc for a process and every descendant.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export interface Spawned {
  label: string;
  url: string;
  pid: number;
  /** The last lines it printed on stderr, for errors. */
  output: () => string;
  /** Peak RSS in MB of the process and each descendant (next start forks its server). */
  peakRss: () => { pid: number; command: string; mb: number }[];
  /** Resident memory in MB right now (VmRSS) of the server at the end of the launch chain
   * (npm → sh → next-server for `npm start`; the process itself otherwise). */
  rss: () => number;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function spawnReady(
  label: string,
  command: string[],
  opts: { url: string; readyPath: string; env: Record<string, string>; cwd?: string },
): Promise<Spawned> {
  const [bin, ...args] = command;
  const child: ChildProcess = spawn(bin!, args, {
    env: { ...process.env, ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    detached: true,
    // Its log lines (one per bot request) go to /dev/null: they cost the process, not the benchmark.
    stdio: ["ignore", "ignore", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited: ${tail}`);
    const res = await fetch(`${opts.url}${opts.readyPath}`).catch(() => null);
    if (res) break;
    if (Date.now() > deadline) throw new Error(`${label} did not start: ${tail}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    label,
    url: opts.url,
    pid: child.pid!,
    output: () => tail,
    peakRss: () => processTree(child.pid!).map(peakRssOf),
    rss: () => statusMb(processTree(child.pid!).at(-1)!, "VmRSS"),
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      await exited;
    },
  };
}

function processTree(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
    .split(" ")
    .filter(Boolean)
    .map(Number);
  return [pid, ...children.flatMap(processTree)];
}

function statusMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024);
}

export function peakRssOf(pid: number): { pid: number; command: string; mb: number } {
  const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").slice(0, 3).join(" ");
  return { pid, command, mb: statusMb(pid, "VmHWM") };
}
