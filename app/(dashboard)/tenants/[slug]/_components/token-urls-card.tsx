"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { Card } from "@/app/_components/card";
import { ErrorMessage } from "@/app/_components/error-message";
import { TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { useCreateSecret } from "@/lib/hooks/use-secrets";
import { useCreatedUrls } from "./created-urls";
import { KindCheckboxes } from "./kind-checkboxes";
import { isTokenKind } from "./kind-options";
import { NewSecret } from "./new-secret";
import { SecretList } from "./secret-list";

/** Owners and admins only: create, list and revoke the secret URLs bots fetch their tokens from. */
export function TokenUrlsCard({ slug }: { slug: string }) {
  const create = useCreateSecret(slug);
  const { add } = useCreatedUrls();
  const [noKind, setNoKind] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const kinds = data.getAll("kinds").filter(isTokenKind);
    setNoKind(kinds.length === 0);
    if (kinds.length === 0) return;
    const label = formText(data, "label").trim();
    create.mutate(
      { ...(label ? { label } : {}), kinds },
      {
        onSuccess: (secret) => {
          add(secret);
          form.reset();
        },
      },
    );
  }

  return (
    <Card
      title="Token URLs"
      description="Each URL answers fresh Zoom tokens, of the kinds you pick, to whoever holds it. Give one to each bot integration; revoke it if it leaks."
      testId="token-urls-card"
    >
      <div className="space-y-5">
        <form onSubmit={onSubmit} className="space-y-4">
          <TextField label="Label" name="label" maxLength={60} placeholder="Recall.ai production" />
          <KindCheckboxes />
          {noKind && (
            <p role="alert" className="text-sm text-red-700">
              Pick at least one token kind.
            </p>
          )}
          <Button type="submit" pending={create.isPending}>
            Create token URL
          </Button>
        </form>
        <ErrorMessage error={create.error} />
        {create.data && <NewSecret secret={create.data} onDone={() => create.reset()} />}
        <SecretList slug={slug} />
      </div>
    </Card>
  );
}
