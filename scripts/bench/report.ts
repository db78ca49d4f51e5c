/** Rows of one shape as a Markdown table (what the README's Performance section shows). */
export function markdownTable(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]!);
  const line = (cells: unknown[]) => `| ${cells.map(String).join(" | ")} |`;
  return [
    line(columns),
    line(columns.map(() => "---")),
    ...rows.map((row) => line(columns.map((c) => row[c]))),
  ].join("\n");
}
