import { RelativeTime } from "@/app/_components/relative-time";
import type { TokenRequestView } from "@/lib/views/activity";
import { KIND_LABELS, TOKEN_KINDS } from "@/lib/zak/kinds";
import { OutcomeBadge } from "./outcome-badge";

const COLUMNS = [
  "Time",
  "Kind",
  "Outcome",
  "Status",
  "Latency",
  "Client IP",
  "Token URL",
  "Caller ID",
];

const kindLabel = (kind: string) => {
  const known = TOKEN_KINDS.find((k) => k === kind);
  return known ? KIND_LABELS[known] : kind;
};

const cell = "px-5 py-2.5 text-zinc-700";

export function ActivityTable({ requests }: { requests: TokenRequestView[] }) {
  return (
    // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too.
    <div
      role="region"
      aria-label="Token requests"
      tabIndex={0}
      className="-mx-5 -my-4 overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
    >
      <table className="w-full min-w-[56rem] text-left text-sm" data-testid="activity-table">
        <thead className="bg-zinc-50 text-xs text-zinc-500">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-5 py-2 font-medium whitespace-nowrap">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {requests.map((r) => (
            <tr key={r.id}>
              <td className={`${cell} whitespace-nowrap`}>
                <RelativeTime value={r.createdAt} />
              </td>
              <td className={`${cell} whitespace-nowrap`}>{kindLabel(r.kind)}</td>
              <td className="px-5 py-2.5">
                <OutcomeBadge outcome={r.outcome} status={r.status} />
              </td>
              <td className={`${cell} font-mono`}>{r.status}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {r.latencyMs} ms
                {r.pacedMs > 0 && (
                  <span
                    className="ml-1.5 text-xs text-amber-700"
                    title="Waited in line for the Zoom account's rate limit"
                  >
                    (paced {r.pacedMs} ms)
                  </span>
                )}
              </td>
              <td className={`${cell} font-mono text-xs`}>{r.clientIp ?? "—"}</td>
              <td className={`${cell} max-w-[12rem] truncate`}>
                {r.source === "dashboard" ? "Dashboard test" : (r.secretLabel ?? "—")}
              </td>
              <td
                className={`${cell} max-w-[12rem] truncate font-mono text-xs`}
                title={r.callerId ?? undefined}
              >
                {r.callerId ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
