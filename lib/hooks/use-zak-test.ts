import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import { apiFetch, tenantPath } from "./api-client";

/** The outcome of a test fetch. The API never returns the token itself. */
export interface ZakTestResult {
  ok: boolean;
  status: number;
  outcome: string;
  message: string;
  latencyMs: number;
  expiresAt: string | null;
}

export function useZakTest(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<ZakTestResult>(tenantPath(slug, "/zak-test"), { method: "POST" }),
    // A test is logged as activity and may refresh the Zoom grant or flag it for reconnection.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.activity(slug) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.zoomConnection(slug) }),
      ]),
  });
}
