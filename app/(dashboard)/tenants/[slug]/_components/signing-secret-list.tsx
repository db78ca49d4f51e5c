"use client";

import { Badge } from "@/app/_components/badge";
import { ConfirmAction } from "@/app/_components/confirm-action";
import { EmptyState } from "@/app/_components/empty-state";
import { RelativeTime } from "@/app/_components/relative-time";
import { useRevokeSigningSecret } from "@/lib/hooks/use-signing";
import type { SigningSecretView } from "@/lib/views/signing";
import { SIGNING_PLATFORMS } from "./signing-platforms";

interface SigningSecretListProps {
  slug: string;
  secrets: SigningSecretView[];
  canManage: boolean;
}

export function SigningSecretList({ slug, secrets, canManage }: SigningSecretListProps) {
  const revoke = useRevokeSigningSecret(slug);
  if (secrets.length === 0) return <EmptyState title="No signing secrets yet" />;
  return (
    <ul
      className="divide-y divide-zinc-100 rounded-lg border border-zinc-200"
      aria-label="Signing secrets"
      data-testid="signing-secret-list"
    >
      {secrets.map((secret) => {
        const { name } = SIGNING_PLATFORMS[secret.platform];
        return (
          <li key={secret.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-zinc-900">{secret.label}</p>
              <p className="text-xs text-zinc-500">
                added <RelativeTime value={secret.createdAt} />
              </p>
            </div>
            <Badge tone="accent">{name}</Badge>
            {canManage && (
              <ConfirmAction
                trigger="Revoke"
                triggerLabel={`Revoke ${secret.label}`}
                title={`Revoke “${secret.label}”?`}
                confirmLabel="Revoke"
                onConfirm={() => revoke.mutateAsync(secret.id)}
              >
                Requests signed with this {name} secret are no longer recognised. If a signature is
                required and no other {name} secret is left, {name} requests are refused.
              </ConfirmAction>
            )}
          </li>
        );
      })}
    </ul>
  );
}
