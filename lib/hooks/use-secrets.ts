import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type {
  CreatedUrlSecretView,
  UrlSecretListView,
  UrlSecretView,
} from "@/lib/views/url-secrets";
import type { TokenKind } from "@/lib/zak/kinds";
import { apiFetch, tenantPath } from "./api-client";

/** `enabled: false` for members, whom the API refuses the list. */
export function useSecrets(slug: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.secrets(slug),
    enabled,
    queryFn: async () => (await apiFetch<UrlSecretListView>(tenantPath(slug, "/secrets"))).secrets,
  });
}

export function useCreateSecret(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { label?: string; kinds?: TokenKind[] }) =>
      apiFetch<CreatedUrlSecretView>(tenantPath(slug, "/secrets"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.secrets(slug) }),
    // The result holds the secret URL: drop it from the mutation cache as soon as nothing shows it.
    gcTime: 0,
  });
}

export function useRevokeSecret(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<Pick<UrlSecretView, "id">>(tenantPath(slug, `/secrets/${encodeURIComponent(id)}`), {
        method: "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.secrets(slug) }),
  });
}
