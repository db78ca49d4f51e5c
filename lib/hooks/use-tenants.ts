import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Role } from "@/db/schema";
import { queryKeys } from "@/lib/query-keys";
import { apiFetch } from "./api-client";

export type { Role };

export interface Tenant {
  slug: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** The signed-in user's tenants; `initialData` comes from the server render. */
export function useTenants(initialData: Tenant[]) {
  return useQuery({
    queryKey: queryKeys.tenants(),
    queryFn: async () => (await apiFetch<{ tenants: Tenant[] }>("/api/tenants")).tenants,
    initialData,
  });
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; slug?: string }) =>
      apiFetch<Tenant>("/api/tenants", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tenants(), exact: true }),
  });
}
