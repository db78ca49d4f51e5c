import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { SigningPlatform, SigningSecretView, SigningView } from "@/lib/views/signing";
import { apiFetch, tenantPath } from "./api-client";

/** The tenant's bot-platform signing secrets (never the secrets themselves) and require switches. */
export function useSigning(slug: string) {
  return useQuery({
    queryKey: queryKeys.signing(slug),
    queryFn: () => apiFetch<SigningView>(tenantPath(slug, "/signing")),
  });
}

export function useAddSigningSecret(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { platform: SigningPlatform; label: string; secret: string }) =>
      apiFetch<SigningSecretView>(tenantPath(slug, "/signing/secrets"), {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.signing(slug) }),
    // The variables hold the secret: drop them from the mutation cache as soon as nothing shows it.
    gcTime: 0,
  });
}

export function useRevokeSigningSecret(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<Pick<SigningSecretView, "id">>(
        tenantPath(slug, `/signing/secrets/${encodeURIComponent(id)}`),
        { method: "DELETE" },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.signing(slug) }),
  });
}

export function useSetSigningRequirement(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { requireRecallSignature?: boolean; requireAttendeeSignature?: boolean }) =>
      apiFetch<SigningView>(tenantPath(slug, "/signing"), { method: "PATCH", body: input }),
    onSuccess: (view) => queryClient.setQueryData(queryKeys.signing(slug), view),
  });
}
