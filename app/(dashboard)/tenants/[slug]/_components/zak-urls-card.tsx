"use client";

import type { FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { Card } from "@/app/_components/card";
import { ErrorMessage } from "@/app/_components/error-message";
import { TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { useCreateSecret } from "@/lib/hooks/use-secrets";
import { NewSecret } from "./new-secret";
import { SecretList } from "./secret-list";

/** Owners and admins only: create, list and revoke the secret URLs bots fetch ZAKs from. */
export function ZakUrlsCard({ slug }: { slug: string }) {
  const create = useCreateSecret(slug);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const label = formText(new FormData(form), "label").trim();
    create.mutate(label ? { label } : {}, { onSuccess: () => form.reset() });
  }

  return (
    <Card
      title="ZAK URLs"
      description="Each URL answers a fresh ZAK to whoever holds it. Give one to each bot integration; revoke it if it leaks."
      testId="zak-urls-card"
    >
      <div className="space-y-5">
        <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <TextField
            label="Label"
            name="label"
            maxLength={60}
            placeholder="Recall.ai production"
            className="flex-1"
          />
          <Button type="submit" pending={create.isPending}>
            Create ZAK URL
          </Button>
        </form>
        <ErrorMessage error={create.error} />
        {create.data && (
          <NewSecret
            zakUrl={create.data.zakUrl}
            label={create.data.label}
            onDone={() => create.reset()}
          />
        )}
        <SecretList slug={slug} />
      </div>
    </Card>
  );
}
