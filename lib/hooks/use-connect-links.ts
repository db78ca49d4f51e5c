import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type {
  ConnectLinkView,
  ConnectLinksView,
  CreatedConnectLinkView,
} from "@/lib/views/connect-links";
import { apiFetch, tenantPath } from "./api-client";

/** Open connect links (never their URLs) and the tenant's return-URL allow-list. */
export function useConnectLinks(slug: string) {
  return useQuery({
    queryKey: queryKeys.connectLinks(slug),
    queryFn: () => apiFetch<ConnectLinksView>(tenantPath(slug, "/connect-links")),
  });
}

export function useCreateConnectLink(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { expiresInSeconds: number; returnUrl?: string }) =>
      apiFetch<CreatedConnectLinkView>(tenantPath(slug, "/connect-links"), {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connectLinks(slug) }),
    // The result holds the link's URL: drop it from the mutation cache as soon as nothing shows it.
    gcTime: 0,
  });
}

export function useRevokeConnectLink(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<Pick<ConnectLinkView, "id">>(
        tenantPath(slug, `/connect-links/${encodeURIComponent(id)}`),
        { method: "DELETE" },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connectLinks(slug) }),
  });
}

export function useSetReturnUrls(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (returnUrls: string[]) =>
      apiFetch<Pick<ConnectLinksView, "returnUrls">>(
        tenantPath(slug, "/connect-links/return-urls"),
        { method: "PUT", body: { returnUrls } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.connectLinks(slug) }),
  });
}
