"use client";

import { Badge } from "@/app/_components/badge";
import { ConfirmAction } from "@/app/_components/confirm-action";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorMessage } from "@/app/_components/error-message";
import { LoadingState } from "@/app/_components/loading-state";
import { RelativeTime } from "@/app/_components/relative-time";
import { useRevokeSecret, useSecrets } from "@/lib/hooks/use-secrets";
import type { UrlSecretView } from "@/lib/views/url-secrets";
import { KIND_LABELS } from "@/lib/zak/kinds";

export function SecretList({ slug }: { slug: string }) {
  const secrets = useSecrets(slug);
  const revoke = useRevokeSecret(slug);

  if (secrets.isPending) return <LoadingState label="Loading token URLs" />;
  if (secrets.isError)
    return <ErrorMessage error={secrets.error} onRetry={() => void secrets.refetch()} />;
  if (secrets.data.length === 0) {
    return (
      <EmptyState title="No token URLs yet">
        Create one above and paste it into your bot&apos;s configuration.
      </EmptyState>
    );
  }
  return (
    <ul
      className="divide-y divide-zinc-100 rounded-lg border border-zinc-200"
      aria-label="Token URLs"
      data-testid="token-url-list"
    >
      {secrets.data.map((secret) => (
        <SecretRow key={secret.id} secret={secret} onRevoke={() => revoke.mutateAsync(secret.id)} />
      ))}
    </ul>
  );
}

function SecretRow({
  secret,
  onRevoke,
}: {
  secret: UrlSecretView;
  onRevoke: () => Promise<unknown>;
}) {
  const name = secret.label || "Untitled";
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-zinc-900">{name}</p>
        <p className="mt-0.5 flex flex-wrap gap-1" aria-label="Token kinds">
          {secret.kinds.map((kind) => (
            <Badge key={kind} tone={kind === "access_token" ? "warning" : "accent"}>
              {KIND_LABELS[kind]}
            </Badge>
          ))}
        </p>
        <p className="mt-1 text-xs text-zinc-500">
          <code className="font-mono text-zinc-700">{secret.prefix}…</code> · created{" "}
          <RelativeTime value={secret.createdAt} /> · last used{" "}
          <RelativeTime value={secret.lastUsedAt} fallback="never" />
        </p>
      </div>
      <ConfirmAction
        trigger="Revoke"
        triggerLabel={`Revoke ${name}`}
        title={`Revoke “${name}”?`}
        confirmLabel="Revoke"
        onConfirm={onRevoke}
      >
        Bots using this URL stop getting tokens immediately. This cannot be undone; create a new URL
        to replace it.
      </ConfirmAction>
    </li>
  );
}
