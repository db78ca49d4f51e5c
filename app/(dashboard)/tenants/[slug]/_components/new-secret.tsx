"use client";

import { Banner } from "@/app/_components/banner";
import { Button } from "@/app/_components/button";
import { CopyField } from "@/app/_components/copy-field";
import type { CreatedUrlSecretView } from "@/lib/views/url-secrets";
import { KIND_LABELS, TOKEN_KINDS } from "@/lib/zak/kinds";

/** Shows a freshly created token URL's addresses, the only time they are ever shown. */
export function NewSecret({
  secret,
  onDone,
}: {
  secret: CreatedUrlSecretView;
  onDone: () => void;
}) {
  const urls = TOKEN_KINDS.flatMap((kind) => {
    const url = secret.urls[kind];
    return url ? [{ kind, url }] : [];
  });
  return (
    <div
      className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4"
      data-testid="new-token-url"
    >
      <p className="text-sm font-medium text-zinc-900">
        New token URL{secret.label ? ` for ${secret.label}` : ""}: one address per token kind.
      </p>
      {urls.map(({ kind, url }) => (
        <CopyField key={kind} label={`${KIND_LABELS[kind]} URL`} value={url} />
      ))}
      {secret.attendeeUrl && <CopyField label="Attendee URL" value={secret.attendeeUrl} />}
      <Banner tone="warning" role="alert">
        Copy them now: once you leave this page they cannot be shown again.
      </Banner>
      <Button variant="ghost" size="sm" onClick={onDone}>
        Done, I copied it
      </Button>
    </div>
  );
}
