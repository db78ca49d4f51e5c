import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BotPlatform } from "@/db/schema";
import { queryKeys } from "@/lib/query-keys";
import type { SigningSecretView, SigningView } from "@/lib/views/signing";
import { apiFetch, tenantPath } from "./api-client";

export function useSigning(slug: string) {
  return useQuery({
    queryKey: queryKeys.signing(slug),
    queryFn: () => apiFetch<SigningView>(tenantPath(slug, "/signing")),
  });
}

export function useAddSigningSecret(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { platform: BotPlatform; label: string; secret: string }) =>
      apiFetch<SigningSecretView>(tenantPath(slug, "/signing/secrets"), {
        method: "POST",
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.signing(slug) }),
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

/** Turns a platform's "require signature" switch on or off; the answer is the whole signing view. */
export function useUpdateSigningRequirements(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { requireRecallSignature?: boolean; requireAttendeeSignature?: boolean }) =>
      apiFetch<SigningView>(tenantPath(slug, "/signing"), { method: "PATCH", body: input }),
    onSuccess: (view) => queryClient.setQueryData(queryKeys.signing(slug), view),
  });
}
