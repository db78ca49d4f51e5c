"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { ErrorMessage } from "@/app/_components/error-message";
import { SelectField, TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { useAddSigningSecret } from "@/lib/hooks/use-signing";
import type { SigningPlatform } from "@/lib/views/signing";
import { SIGNING_PLATFORM_IDS, SIGNING_PLATFORMS } from "./signing-platforms";

const PLATFORM_OPTIONS = SIGNING_PLATFORM_IDS.map((p) => ({
  value: p,
  label: SIGNING_PLATFORMS[p].secretName,
}));

/** Adds a platform's signing secret; the secret goes to the server once and is never shown again. */
export function AddSigningSecretForm({ slug }: { slug: string }) {
  const add = useAddSigningSecret(slug);
  const [platform, setPlatform] = useState<SigningPlatform>("recall");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      platform,
      label: formText(data, "label").trim(),
      secret: formText(data, "secret").trim(),
    };
    add.mutate(input, { onSuccess: () => form.reset() });
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 border-t border-zinc-100 pt-4"
      aria-label="Add a signing secret"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label="Platform"
          name="platform"
          value={platform}
          onChange={(e) => setPlatform(e.target.value === "attendee" ? "attendee" : "recall")}
          options={PLATFORM_OPTIONS}
        />
        <TextField
          label="Secret label"
          name="label"
          required
          maxLength={60}
          placeholder="Production workspace"
        />
      </div>
      <TextField
        label="Secret"
        name="secret"
        type="password"
        required
        autoComplete="off"
        spellCheck={false}
        placeholder={platform === "recall" ? "whsec_…" : undefined}
        hint={SIGNING_PLATFORMS[platform].hint}
        inputClassName="font-mono"
      />
      <ErrorMessage error={add.error} />
      <Button type="submit" pending={add.isPending}>
        Add signing secret
      </Button>
    </form>
  );
}
