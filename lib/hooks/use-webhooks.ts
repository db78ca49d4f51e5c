import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { EventType } from "@/lib/events/types";
import { queryKeys } from "@/lib/query-keys";
import type { CreatedWebhookEndpointView, WebhooksView } from "@/lib/views/webhooks";
import { apiFetch, tenantPath } from "./api-client";

/** While a delivery is pending, the list refreshes by itself so its status and attempts show. */
const PENDING_REFRESH_MS = 5_000;

/** The tenant's webhook endpoints with their recent deliveries, and whether email alerts are on. */
export function useWebhooks(slug: string) {
  return useQuery({
    queryKey: queryKeys.webhooks(slug),
    queryFn: () => apiFetch<WebhooksView>(tenantPath(slug, "/webhooks")),
    refetchInterval: (query) =>
      query.state.data?.endpoints.some((e) => e.deliveries.some((d) => d.status === "pending"))
        ? PENDING_REFRESH_MS
        : false,
  });
}

function useWebhookMutation<Input, Output>(slug: string, call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(slug) }),
  });
}

export function useAddWebhookEndpoint(slug: string) {
  return useWebhookMutation(slug, (input: { url: string; events: EventType[] }) =>
    apiFetch<CreatedWebhookEndpointView>(tenantPath(slug, "/webhooks"), {
      method: "POST",
      body: input,
    }),
  );
}

export function useDeleteWebhookEndpoint(slug: string) {
  return useWebhookMutation(slug, (id: string) =>
    apiFetch<{ id: string }>(tenantPath(slug, `/webhooks/${encodeURIComponent(id)}`), {
      method: "DELETE",
    }),
  );
}

export function useResendDelivery(slug: string) {
  return useWebhookMutation(slug, (id: string) =>
    apiFetch<{ id: string }>(
      tenantPath(slug, `/webhooks/deliveries/${encodeURIComponent(id)}/resend`),
      { method: "POST" },
    ),
  );
}
