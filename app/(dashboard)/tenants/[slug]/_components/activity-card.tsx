"use client";

import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorMessage } from "@/app/_components/error-message";
import { LoadingState } from "@/app/_components/loading-state";
import { RelativeTime } from "@/app/_components/relative-time";
import { useActivity } from "@/lib/hooks/use-activity";
import type { TokenRequestView } from "@/lib/views/activity";
import { OutcomeBadge } from "./outcome-badge";

const COLUMNS = ["Time", "Outcome", "Status", "Latency", "Client IP", "ZAK URL"];

export function ActivityCard({ slug }: { slug: string }) {
  const activity = useActivity(slug);
  return (
    <Card
      title="Activity"
      description="The last 50 token requests, refreshed every 5 seconds."
      testId="activity-card"
    >
      {activity.isPending ? (
        <LoadingState label="Loading activity" rows={3} />
      ) : activity.isError ? (
        <ErrorMessage error={activity.error} onRetry={() => void activity.refetch()} />
      ) : activity.data.length === 0 ? (
        <EmptyState title="No requests yet" testId="activity-empty">
          Requests from your bots and from “Fetch a test ZAK” show up here.
        </EmptyState>
      ) : (
        <ActivityTable requests={activity.data} />
      )}
    </Card>
  );
}

function ActivityTable({ requests }: { requests: TokenRequestView[] }) {
  return (
    // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too.
    <div
      role="region"
      aria-label="Token requests"
      tabIndex={0}
      className="-mx-5 -my-4 overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
    >
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="activity-table">
        <thead className="bg-zinc-50 text-xs text-zinc-500">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-5 py-2 font-medium">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {requests.map((r) => (
            <tr key={r.id}>
              <td className="px-5 py-2.5 whitespace-nowrap text-zinc-700">
                <RelativeTime value={r.createdAt} />
              </td>
              <td className="px-5 py-2.5">
                <OutcomeBadge outcome={r.outcome} status={r.status} />
              </td>
              <td className="px-5 py-2.5 font-mono text-zinc-700">{r.status}</td>
              <td className="px-5 py-2.5 whitespace-nowrap text-zinc-700">{r.latencyMs} ms</td>
              <td className="px-5 py-2.5 font-mono text-xs text-zinc-700">{r.clientIp ?? "—"}</td>
              <td className="max-w-[12rem] truncate px-5 py-2.5 text-zinc-700">
                {r.source === "dashboard" ? "Dashboard test" : (r.secretLabel ?? "—")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
