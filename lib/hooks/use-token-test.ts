import { useMutation, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { TokenTestView } from "@/lib/views/token-test";
import type { TokenKind } from "@/lib/zak/kinds";
import { apiFetch, tenantPath } from "./api-client";

export interface TokenTestInput {
  kind: TokenKind;
  meetingId?: string;
}

export function useTokenTest(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TokenTestInput) =>
      apiFetch<TokenTestView>(tenantPath(slug, "/token-test"), { method: "POST", body: input }),
    // A test is logged as activity and may refresh the Zoom grant or flag it for reconnection.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.activity(slug) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.zoomConnection(slug) }),
      ]),
  });
}
