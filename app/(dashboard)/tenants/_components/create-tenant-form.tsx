"use client";

import type { FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { Card } from "@/app/_components/card";
import { ErrorMessage } from "@/app/_components/error-message";
import { TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { useCreateTenant } from "@/lib/hooks/use-tenants";

export function CreateTenantForm() {
  const create = useCreateTenant();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const name = formText(data, "name").trim();
    const slug = formText(data, "slug").trim();
    create.mutate({ name, ...(slug ? { slug } : {}) }, { onSuccess: () => form.reset() });
  }

  return (
    <Card title="New tenant" description="One per Zoom account your bots should join as.">
      <form onSubmit={onSubmit} className="space-y-4" data-testid="create-tenant-form">
        <TextField
          label="Tenant name"
          name="name"
          required
          maxLength={80}
          placeholder="Acme Sales"
        />
        <TextField
          label="Slug"
          name="slug"
          pattern="[a-z0-9][a-z0-9\-]{1,38}[a-z0-9]"
          title="3-40 lowercase letters, digits or hyphens"
          placeholder="acme-sales"
          autoCapitalize="none"
          spellCheck={false}
          hint="Optional. Used in your bots' URLs, cannot change later. Derived from the name when empty."
        />
        <ErrorMessage error={create.error} />
        {create.data && (
          <p role="status" className="text-sm text-emerald-700">
            Created {create.data.name}.
          </p>
        )}
        <Button type="submit" pending={create.isPending} className="w-full">
          Create tenant
        </Button>
      </form>
    </Card>
  );
}
