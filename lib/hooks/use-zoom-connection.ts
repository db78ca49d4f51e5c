import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { ZoomConnectionView } from "@/lib/views/zoom-connection";
import { apiFetch, tenantPath } from "./api-client";

/** `initial` comes from the server render, so the card shows the connection without a loading state. */
export function useZoomConnection(slug: string, initial: ZoomConnectionView) {
  return useQuery({
    queryKey: queryKeys.zoomConnection(slug),
    queryFn: () => apiFetch<ZoomConnectionView>(tenantPath(slug, "/zoom")),
    initialData: initial,
  });
}

/** Sets (or, with null, stops setting) the Zoom account's rate limit that bot calls are paced below. */
export function useSetZoomRateLimit(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (zoomRateLimit: number | null) =>
      apiFetch<ZoomConnectionView>(tenantPath(slug, "/zoom"), {
        method: "PATCH",
        body: { zoomRateLimit },
      }),
    onSuccess: (view) => queryClient.setQueryData(queryKeys.zoomConnection(slug), view),
  });
}

export function useDisconnectZoom(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiFetch<Pick<ZoomConnectionView, "status">>(tenantPath(slug, "/zoom"), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.zoomConnection(slug) }),
  });
}
