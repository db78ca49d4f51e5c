import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { ZakTestView } from "@/lib/views/zak-test";
import { apiFetch, tenantPath } from "./api-client";

export function useZakTest(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ZakTestView>(tenantPath(slug, "/zak-test"), { method: "POST" }),
    // A test is logged as activity and may refresh the Zoom grant or flag it for reconnection.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.activity(slug) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.zoomConnection(slug) }),
      ]),
  });
}
