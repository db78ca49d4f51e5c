"use client";

import { Badge, type Tone } from "@/app/_components/badge";
import { Button } from "@/app/_components/button";
import { ConfirmAction } from "@/app/_components/confirm-action";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorMessage } from "@/app/_components/error-message";
import { RelativeTime } from "@/app/_components/relative-time";
import type { EventType } from "@/lib/events/types";
import { useDeleteWebhookEndpoint, useResendDelivery } from "@/lib/hooks/use-webhooks";
import type { WebhookDeliveryView, WebhookEndpointView } from "@/lib/views/webhooks";
import { EVENT_LABELS } from "./webhook-events";

const STATUS_TONES: Record<WebhookDeliveryView["status"], Tone> = {
  pending: "warning",
  delivered: "success",
  failed: "danger",
};

const eventLabel = (type: string) => EVENT_LABELS[type as EventType] ?? type;

export function WebhookEndpointList({
  slug,
  endpoints,
}: {
  slug: string;
  endpoints: WebhookEndpointView[];
}) {
  const remove = useDeleteWebhookEndpoint(slug);
  if (endpoints.length === 0) return <EmptyState title="No webhook endpoints yet" />;
  return (
    <ul className="space-y-4" aria-label="Webhook endpoints" data-testid="webhook-endpoint-list">
      {endpoints.map((endpoint) => (
        <li key={endpoint.id} className="rounded-lg border border-zinc-200">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <div className="min-w-0 flex-1">
              <p className="truncate font-mono text-sm text-zinc-900">{endpoint.url}</p>
              <p className="text-xs text-zinc-500">
                {endpoint.events.map(eventLabel).join(" · ")} · added{" "}
                <RelativeTime value={endpoint.createdAt} />
              </p>
            </div>
            <ConfirmAction
              trigger="Delete"
              triggerLabel={`Delete ${endpoint.url}`}
              title="Delete this endpoint?"
              confirmLabel="Delete"
              onConfirm={() => remove.mutateAsync(endpoint.id)}
            >
              Events are no longer sent to {endpoint.url}, including deliveries still being retried.
            </ConfirmAction>
          </div>
          <DeliveryTable slug={slug} deliveries={endpoint.deliveries} />
        </li>
      ))}
    </ul>
  );
}

function DeliveryTable({ slug, deliveries }: { slug: string; deliveries: WebhookDeliveryView[] }) {
  const resend = useResendDelivery(slug);
  if (deliveries.length === 0)
    return (
      <p className="border-t border-zinc-100 px-4 py-3 text-sm text-zinc-500">No deliveries yet.</p>
    );
  return (
    <div className="overflow-x-auto border-t border-zinc-100">
      <ErrorMessage error={resend.error} />
      <table className="w-full text-left text-sm" aria-label="Recent deliveries">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="px-4 py-2 font-medium">Event</th>
            <th className="px-4 py-2 font-medium">Status</th>
            <th className="px-4 py-2 font-medium">Attempts</th>
            <th className="px-4 py-2 font-medium">Last answer</th>
            <th className="px-4 py-2 font-medium">Next attempt</th>
            <th className="px-4 py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {deliveries.map((delivery) => (
            <tr key={delivery.id} data-testid="webhook-delivery">
              <td className="px-4 py-2">
                {eventLabel(delivery.eventType)}{" "}
                <span className="text-xs text-zinc-500">
                  <RelativeTime value={delivery.createdAt} />
                </span>
              </td>
              <td className="px-4 py-2">
                <Badge tone={STATUS_TONES[delivery.status]}>{delivery.status}</Badge>
              </td>
              <td className="px-4 py-2 tabular-nums">{delivery.attempts}</td>
              <td className="px-4 py-2 text-zinc-700" title={delivery.lastError ?? undefined}>
                {delivery.lastStatusCode ?? (delivery.lastError ? "error" : "—")}
              </td>
              <td className="px-4 py-2">
                <RelativeTime value={delivery.nextAttemptAt} />
              </td>
              <td className="px-4 py-2 text-right">
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Resend ${eventLabel(delivery.eventType)}`}
                  pending={resend.isPending && resend.variables === delivery.id}
                  onClick={() => resend.mutate(delivery.id)}
                >
                  Resend
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
