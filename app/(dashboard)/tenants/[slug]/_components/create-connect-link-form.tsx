"use client";

import type { FormEvent } from "react";
import { Banner } from "@/app/_components/banner";
import { Button } from "@/app/_components/button";
import { CopyField } from "@/app/_components/copy-field";
import { ErrorMessage } from "@/app/_components/error-message";
import { SelectField, TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { LINK_TTL_CHOICES, LINK_TTL_DEFAULT_SECONDS } from "@/lib/connect-links/expiry";
import { useCreateConnectLink } from "@/lib/hooks/use-connect-links";

const EXPIRY_OPTIONS = LINK_TTL_CHOICES.map((c) => ({ value: String(c.seconds), label: c.label }));

/** Creates a link and shows its URL, the only time it is ever shown. */
export function CreateConnectLinkForm({
  slug,
  hasReturnUrls,
}: {
  slug: string;
  hasReturnUrls: boolean;
}) {
  const create = useCreateConnectLink(slug);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const returnUrl = formText(data, "returnUrl").trim();
    create.mutate(
      {
        expiresInSeconds: Number(formText(data, "expiresInSeconds")),
        ...(returnUrl ? { returnUrl } : {}),
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Create a connect link">
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField
            label="Expires after"
            name="expiresInSeconds"
            defaultValue={String(LINK_TTL_DEFAULT_SECONDS)}
            options={EXPIRY_OPTIONS}
          />
          <TextField
            label="Return URL (optional)"
            name="returnUrl"
            type="url"
            maxLength={2048}
            disabled={!hasReturnUrls}
            placeholder="https://app.example.com/zoom-connected"
            hint={
              hasReturnUrls
                ? "Where to send the person afterwards; it must match an allowed return URL below."
                : "Add an allowed return URL below first; without one the person ends on a done page."
            }
            className="sm:col-span-2"
          />
        </div>
        <Button type="submit" pending={create.isPending}>
          Create connect link
        </Button>
      </form>
      <ErrorMessage error={create.error} />
      {create.data && (
        <div
          className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4"
          data-testid="new-connect-link"
        >
          <CopyField label="Connect link" value={create.data.url} />
          <Banner tone="warning" role="alert">
            Copy it now: it cannot be shown again. Anyone who opens it can connect a Zoom account to
            this tenant, once.
          </Banner>
          <Button variant="ghost" size="sm" onClick={() => create.reset()}>
            Done, I copied it
          </Button>
        </div>
      )}
    </div>
  );
}
