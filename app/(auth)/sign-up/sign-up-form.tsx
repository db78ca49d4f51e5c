"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { ErrorMessage } from "@/app/_components/error-message";
import { TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { apiFetch } from "@/lib/hooks/api-client";

const MIN_PASSWORD = 10;

export function SignUpForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = formText(form, "name").trim();
    const email = formText(form, "email").trim();
    const password = formText(form, "password");
    setPending(true);
    setError(null);
    try {
      await apiFetch("/api/signup", {
        method: "POST",
        body: { email, password, ...(name ? { name } : {}) },
      });
    } catch (err) {
      setPending(false);
      setError(err as Error);
      return;
    }
    const result = await signIn("credentials", { redirect: false, email, password }).catch(
      () => undefined,
    );
    // The account exists either way; if the automatic sign-in fails, let the person sign in by hand.
    router.replace(result?.ok && !result.error ? "/tenants" : "/sign-in");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <TextField label="Name (optional)" name="name" autoComplete="name" maxLength={100} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        hint={`At least ${MIN_PASSWORD} characters.`}
      />
      <ErrorMessage error={error} />
      <Button type="submit" pending={pending} className="w-full">
        Create account
      </Button>
    </form>
  );
}
