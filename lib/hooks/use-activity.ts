import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { ActivityView } from "@/lib/views/activity";
import type { TokenKind } from "@/lib/zak/kinds";
import { apiFetch, tenantPath } from "./api-client";

const REFRESH_MS = 5_000;

/** The tenant's last token requests (of one kind, or all), polled every 5 s while the tab is visible. */
export function useActivity(slug: string, kind?: TokenKind) {
  const query = kind ? `?kind=${kind}` : "";
  return useQuery({
    queryKey: queryKeys.activity(slug, kind),
    queryFn: async () =>
      (await apiFetch<ActivityView>(tenantPath(slug, `/activity${query}`))).requests,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
    // Switching the filter keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}
