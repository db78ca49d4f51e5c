"use client";

import type { FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { ErrorMessage } from "@/app/_components/error-message";
import { SelectField, TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { useInviteMember } from "@/lib/hooks/use-members";
import type { Role } from "@/lib/hooks/use-tenants";
import { ROLE_OPTIONS } from "../../../_components/role-badge";

export function InviteMemberForm({ slug }: { slug: string }) {
  const invite = useInviteMember(slug);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = formText(data, "email").trim();
    const role = (formText(data, "role") || "member") as Role;
    invite.mutate({ email, role }, { onSuccess: () => form.reset() });
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 border-t border-zinc-100 pt-5"
      data-testid="invite-member-form"
    >
      <h3 className="text-sm font-semibold text-zinc-900">Add a member</h3>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="off"
          className="flex-1"
          placeholder="colleague@example.com"
        />
        <SelectField
          label="Role"
          name="role"
          defaultValue="member"
          options={ROLE_OPTIONS}
          className="sm:w-36"
        />
        <Button type="submit" pending={invite.isPending}>
          Add member
        </Button>
      </div>
      <p className="text-xs text-zinc-500">
        They need an account first: ask them to sign up, then add them here. Adding an existing
        member changes their role.
      </p>
      <ErrorMessage error={invite.error} />
      {invite.data && (
        <p role="status" className="text-sm text-emerald-700">
          Added {invite.data.email}.
        </p>
      )}
    </form>
  );
}
