"use client";

import { Card } from "@/app/_components/card";
import { ErrorMessage } from "@/app/_components/error-message";
import { LoadingState } from "@/app/_components/loading-state";
import { useSigning } from "@/lib/hooks/use-signing";
import { AddSigningSecretForm } from "./add-signing-secret-form";
import { SignatureSwitches } from "./signature-switches";
import { SigningSecretList } from "./signing-secret-list";

/** Bot-platform request signatures: everyone sees them, owners and admins change them. */
export function SigningCard({ slug, canManage }: { slug: string; canManage: boolean }) {
  const signing = useSigning(slug);
  return (
    <Card
      title="Signing"
      description="Verify that token requests really come from Recall.ai or Attendee, with the secret each platform signs its requests with. Requiring a signature refuses unsigned requests, even with a valid token URL."
      testId="signing-card"
    >
      {signing.isPending ? (
        <LoadingState label="Loading signing secrets" />
      ) : signing.isError ? (
        <ErrorMessage error={signing.error} onRetry={() => void signing.refetch()} />
      ) : (
        <div className="space-y-5">
          <SignatureSwitches slug={slug} signing={signing.data} canManage={canManage} />
          <SigningSecretList slug={slug} secrets={signing.data.secrets} canManage={canManage} />
          {canManage && <AddSigningSecretForm slug={slug} />}
        </div>
      )}
    </Card>
  );
}
