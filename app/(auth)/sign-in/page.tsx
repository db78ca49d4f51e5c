import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { TextLink } from "@/app/_components/text-link";
import { AuthCard } from "../_components/auth-card";
import { safeCallbackUrl } from "../_components/safe-callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in · ZAK Broker" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Sign in"
      subtitle="Manage your tenants, Zoom connections and ZAK URLs."
      footer={
        <>
          No account yet? <TextLink href="/sign-up">Create one</TextLink>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
