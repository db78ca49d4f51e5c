import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { ConnectionStatus as ZoomStatus } from "@/lib/vault/status";
import { apiFetch, tenantPath } from "./api-client";

export type { ZoomStatus };

export interface ZoomConnection {
  status: ZoomStatus;
  disconnectedReason: string | null;
  user: { zoomUserId: string; displayName: string; email: string; picUrl: string | null } | null;
  connectedAt: string | null;
  lastRefreshAt: string | null;
  lastTokenServedAt: string | null;
}

/** `initial` comes from the server render, so the card shows the connection without a loading state. */
export function useZoomConnection(slug: string, initial: ZoomConnection) {
  return useQuery({
    queryKey: queryKeys.zoomConnection(slug),
    queryFn: () => apiFetch<ZoomConnection>(tenantPath(slug, "/zoom")),
    initialData: initial,
  });
}

export function useDisconnectZoom(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<{ status: ZoomStatus }>(tenantPath(slug, "/zoom"), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.zoomConnection(slug) }),
  });
}
