import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "@playwright/test";

/** `next start` of the built app; spawnApp fills in the port. */
export const NEXT_START = [
  "node",
  "node_modules/next/dist/bin/next",
  "start",
  "-H",
  "127.0.0.1",
  "-p",
  "{port}",
];

/** A server process started by a test itself (for starts the shared web servers cannot show). */
export interface SpawnedApp {
  url: string;
  output: () => string;
  /** Signals the process group (SIGTERM by default) and waits until the server process exits. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export { freePort } from "../../scripts/free-port";

/**
 * Starts `command` (with `{port}` replaced) in its own process group, so stopping it also stops the
 * server process that `next start` forks, and waits until `/api/health` answers at all.
 */
export async function spawnApp(
  command: string[],
  env: Record<string, string>,
  port: number,
  cwd = process.cwd(),
): Promise<SpawnedApp> {
  const url = `http://127.0.0.1:${port}`;
  const [bin, ...args] = command.map((part) => part.replace("{port}", String(port)));
  const child: ChildProcess = spawn(bin!, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      ...env,
    },
    cwd,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await expect
    .poll(
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
        return (await fetch(`${url}/api/health`).catch(() => null))?.status ?? 0;
      },
      { timeout: 60_000 },
    )
    .toBeGreaterThan(0);
  return {
    url,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      await exited;
    },
  };
}
