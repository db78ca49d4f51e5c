"use client";

import { useState, type FormEvent } from "react";
import { Banner } from "@/app/_components/banner";
import { Button } from "@/app/_components/button";
import { Card } from "@/app/_components/card";
import { CopyField } from "@/app/_components/copy-field";
import { ErrorMessage } from "@/app/_components/error-message";
import { TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "@/lib/hooks/use-api-keys";
import type { ApiKeyListView } from "@/lib/views/api-keys";

/** Create (the key shown once), list (prefix, tenants, last use) and revoke the user's API keys. */
export function ApiKeysCard({
  initialKeys,
  tenantSlugs,
}: {
  initialKeys: ApiKeyListView;
  tenantSlugs: string[];
}) {
  const keys = useApiKeys(initialKeys);
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const [limited, setLimited] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const tenants = limited ? data.getAll("tenants").map(String) : null;
    create.mutate(
      { name: formText(data, "name").trim(), tenants },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
      <Card title="Your keys" testId="api-key-list">
        {create.data && (
          <div className="mb-4 space-y-3" data-testid="new-api-key">
            <CopyField label={`API key ${create.data.name}`} value={create.data.key} />
            <Banner tone="warning" role="alert">
              Copy it now: it cannot be shown again.
            </Banner>
            <Button variant="ghost" size="sm" onClick={() => create.reset()}>
              Done, I copied it
            </Button>
          </div>
        )}
        {keys.data.keys.length === 0 ? (
          <p className="text-sm text-zinc-600">No API keys yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {keys.data.keys.map((key) => (
              <li key={key.id} className="flex items-center justify-between gap-4 py-3">
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-zinc-900">{key.name}</p>
                  <p className="font-mono text-xs text-zinc-600">{key.prefix}…</p>
                  <p className="text-xs text-zinc-600">
                    {key.tenants
                      ? `Tenants: ${key.tenants.join(", ") || "none left"}`
                      : "All your tenants"}
                    {" · "}
                    {key.lastUsedAt
                      ? `Last used ${new Date(key.lastUsedAt).toLocaleString()}`
                      : "Never used"}
                  </p>
                </div>
                <Button
                  variant="ghost"
                  size="sm"
                  pending={revoke.isPending && revoke.variables === key.id}
                  onClick={() => revoke.mutate(key.id)}
                  aria-label={`Revoke ${key.name}`}
                >
                  Revoke
                </Button>
              </li>
            ))}
          </ul>
        )}
        <ErrorMessage error={revoke.error} />
      </Card>
      <Card title="New API key" description="Shown once. Store it like a password.">
        <form onSubmit={onSubmit} className="space-y-4" data-testid="create-api-key-form">
          <TextField
            label="Key name"
            name="name"
            required
            maxLength={60}
            placeholder="Onboarding script"
          />
          <label className="flex items-center gap-2 text-sm text-zinc-800">
            <input
              type="checkbox"
              checked={limited}
              onChange={(e) => setLimited(e.target.checked)}
              disabled={tenantSlugs.length === 0}
            />
            Limit to some tenants
          </label>
          {limited && (
            <fieldset className="space-y-1" aria-label="Tenants">
              {tenantSlugs.map((slug) => (
                <label key={slug} className="flex items-center gap-2 text-sm text-zinc-800">
                  <input type="checkbox" name="tenants" value={slug} />
                  {slug}
                </label>
              ))}
            </fieldset>
          )}
          <ErrorMessage error={create.error} />
          <Button type="submit" pending={create.isPending} className="w-full">
            Create key
          </Button>
        </form>
      </Card>
    </div>
  );
}
