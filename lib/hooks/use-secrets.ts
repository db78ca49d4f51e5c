import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import { apiFetch, tenantPath } from "./api-client";

export interface UrlSecret {
  id: string;
  label: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Returned once, on creation: the only time the full ZAK URL exists outside the bot's config. */
export interface CreatedUrlSecret extends UrlSecret {
  zakUrl: string;
}

export function useSecrets(slug: string) {
  return useQuery({
    queryKey: queryKeys.secrets(slug),
    queryFn: async () =>
      (await apiFetch<{ secrets: UrlSecret[] }>(tenantPath(slug, "/secrets"))).secrets,
  });
}

export function useCreateSecret(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { label?: string }) =>
      apiFetch<CreatedUrlSecret>(tenantPath(slug, "/secrets"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.secrets(slug) }),
    // The result holds the secret URL: drop it from the mutation cache as soon as nothing shows it.
    gcTime: 0,
  });
}

export function useRevokeSecret(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ id: string }>(tenantPath(slug, `/secrets/${encodeURIComponent(id)}`), {
        method: "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.secrets(slug) }),
  });
}
