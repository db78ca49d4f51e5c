// Where a V8 heap snapshot's memory is: self size summed by constructor name (objects) or by node
// type ("(string)", "(code)", …), largest first. `tsx scripts/bench/heap-summary.ts FILE [top]`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapGroup {
  name: string;
  count: number;
  mb: number;
}

export function summarizeHeap(file: string, top = 15): { totalMb: number; groups: HeapGroup[] } {
  const data = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const groups = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  for (let i = 0; i < data.nodes.length; i += fields.length) {
    const type = types[data.nodes[i + typeAt!]!]!;
    const name = type === "object" ? data.strings[data.nodes[i + nameAt!]!]! : `(${type})`;
    const size = data.nodes[i + sizeAt!]!;
    const group = groups.get(name) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += size;
    groups.set(name, group);
    total += size;
  }
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    totalMb: mb(total),
    groups: [...groups]
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .slice(0, top)
      .map(([name, g]) => ({ name, count: g.count, mb: mb(g.bytes) })),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx scripts/bench/heap-summary.ts FILE.heapsnapshot [top]");
    process.exit(2);
  }
  const summary = summarizeHeap(file, Number(top ?? 15));
  console.log(`heap: ${summary.totalMb} MB in use`);
  console.table(summary.groups);
}
