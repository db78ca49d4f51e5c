import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { TextLink } from "@/app/_components/text-link";
import { AuthCard } from "../_components/auth-card";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create account · ZAK Broker" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/tenants");
  return (
    <AuthCard
      title="Create your account"
      subtitle="Then connect a Zoom account and give your meeting bots a ZAK URL."
      footer={
        <>
          Already have an account? <TextLink href="/sign-in">Sign in</TextLink>
        </>
      }
    >
      <SignUpForm />
    </AuthCard>
  );
}
