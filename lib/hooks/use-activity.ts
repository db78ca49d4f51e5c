import { useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import { apiFetch, tenantPath } from "./api-client";

export interface TokenRequest {
  id: string | number;
  createdAt: string;
  kind: string;
  outcome: string;
  status: number;
  latencyMs: number;
  clientIp: string | null;
  secretLabel: string | null;
  source: "bot" | "dashboard";
}

const REFRESH_MS = 5_000;

/** The tenant's last token requests, polled every 5 s while the tab is visible. */
export function useActivity(slug: string) {
  return useQuery({
    queryKey: queryKeys.activity(slug),
    queryFn: async () =>
      (await apiFetch<{ requests: TokenRequest[] }>(tenantPath(slug, "/activity"))).requests,
    refetchInterval: REFRESH_MS,
    staleTime: 0,
  });
}
