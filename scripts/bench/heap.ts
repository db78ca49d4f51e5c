// A heap snapshot of a running app: its server process (the last of `next start`'s process tree,
// started with --heapsnapshot-signal=SIGUSR2 and --diagnostic-dir) writes one on SIGUSR2.
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { summarizeHeap } from "./heap-summary";
import type { Spawned } from "./processes";

export async function takeHeapSnapshot(app: Spawned, dir: string) {
  const server = app.peakRss().at(-1)!.pid;
  const before = new Set(readdirSync(dir));
  process.kill(server, "SIGUSR2");
  let file: string | undefined;
  let size = -1;
  // Written in one go by the server's main thread; done when its size stops changing.
  for (let waited = 0; waited < 300; waited++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const name = readdirSync(dir).find((f) => !before.has(f) && f.endsWith(".heapsnapshot"));
    if (!name) continue;
    const now = statSync(path.join(dir, name)).size;
    if (now > 0 && now === size) {
      file = path.join(dir, name);
      break;
    }
    size = now;
  }
  if (!file) throw new Error(`${app.label} wrote no heap snapshot`);
  const summary = summarizeHeap(file);
  rmSync(file);
  return summary;
}
