import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { Role } from "@/db/schema";
import type { MemberListView, MemberView } from "@/lib/views/members";
import { apiFetch, tenantPath } from "./api-client";

export function useMembers(slug: string) {
  return useQuery({
    queryKey: queryKeys.members(slug),
    queryFn: async () => (await apiFetch<MemberListView>(tenantPath(slug, "/members"))).members,
  });
}

export function useInviteMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      apiFetch<MemberView>(tenantPath(slug, "/members"), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(slug) }),
  });
}

/** Removes a member. When the signed-in user leaves, only their tenant list changes: the members list is now out of reach. */
export function useRemoveMember(slug: string, currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      apiFetch<Pick<MemberView, "userId">>(
        tenantPath(slug, `/members/${encodeURIComponent(userId)}`),
        {
          method: "DELETE",
        },
      ),
    onSuccess: (_removed, userId) =>
      userId === currentUserId
        ? queryClient.invalidateQueries({ queryKey: queryKeys.tenants(), exact: true })
        : queryClient.invalidateQueries({ queryKey: queryKeys.members(slug) }),
  });
}
