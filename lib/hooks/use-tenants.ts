import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/db/schema";
import { queryKeys } from "@/lib/query-keys";
import type { TenantListView, TenantView } from "@/lib/views/tenants";
import { apiFetch } from "./api-client";

export type { Role };

/** The signed-in user's tenants; `initialData` comes from the server render. */
export function useTenants(initialData: TenantView[]) {
  return useQuery({
    queryKey: queryKeys.tenants(),
    queryFn: async () => (await apiFetch<TenantListView>("/api/tenants")).tenants,
    initialData,
  });
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; slug?: string }) =>
      apiFetch<TenantView>("/api/tenants", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tenants(), exact: true }),
  });
}
