import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { ApiKeyListView, ApiKeyView, CreatedApiKeyView } from "@/lib/views/api-keys";
import { apiFetch } from "./api-client";

export function useApiKeys(initialData: ApiKeyListView) {
  return useQuery({
    queryKey: queryKeys.apiKeys(),
    queryFn: () => apiFetch<ApiKeyListView>("/api/api-keys"),
    initialData,
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; tenants: string[] | null }) =>
      apiFetch<CreatedApiKeyView>("/api/api-keys", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys() }),
    // The result holds the key: drop it from the mutation cache as soon as nothing shows it.
    gcTime: 0,
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<Pick<ApiKeyView, "id">>(`/api/api-keys/${encodeURIComponent(id)}`, {
        method: "DELETE",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys() }),
  });
}
