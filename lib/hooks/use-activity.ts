import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { ActivityView } from "@/lib/views/activity";
import { apiFetch, tenantPath } from "./api-client";

const REFRESH_MS = 5_000;

/** The tenant's last token requests, polled every 5 s while the tab is visible. */
export function useActivity(slug: string) {
  return useQuery({
    queryKey: queryKeys.activity(slug),
    queryFn: async () => (await apiFetch<ActivityView>(tenantPath(slug, "/activity"))).requests,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  });
}
