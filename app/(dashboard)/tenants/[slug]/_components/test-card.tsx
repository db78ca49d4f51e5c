"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { Card } from "@/app/_components/card";
import { ErrorMessage } from "@/app/_components/error-message";
import { SelectField, TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { useTokenTest } from "@/lib/hooks/use-token-test";
import type { TokenKind } from "@/lib/zak/kinds";
import { isTokenKind, KIND_OPTIONS } from "./kind-options";
import { TestResult } from "./test-result";

const MEETING_HINTS: Partial<Record<TokenKind, string>> = {
  obf: "Optional: without it the OBF token is not tied to one meeting.",
  join_token: "Required: a join token is minted for one meeting, with its host's credentials.",
};

export function TestCard({ slug }: { slug: string }) {
  const test = useTokenTest(slug);
  const [kind, setKind] = useState<TokenKind>("zak");
  const meetingHint = MEETING_HINTS[kind];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const meetingId = formText(new FormData(event.currentTarget), "meetingId").trim();
    test.mutate(meetingHint && meetingId ? { kind, meetingId } : { kind });
  }

  return (
    <Card
      title="Test"
      description="Fetch a token the way a bot would. The token itself is never shown."
      testId="test-card"
    >
      <div className="space-y-4">
        <form onSubmit={onSubmit} className="space-y-3">
          <SelectField
            label="Token kind"
            name="kind"
            value={kind}
            onChange={(e) => isTokenKind(e.target.value) && setKind(e.target.value)}
            options={KIND_OPTIONS}
          />
          {meetingHint && (
            <TextField
              // A new field per kind, so "required" and the typed id do not carry over.
              key={kind}
              label="Meeting ID"
              name="meetingId"
              inputMode="numeric"
              autoComplete="off"
              placeholder="850 1234 5678"
              required={kind === "join_token"}
              hint={meetingHint}
            />
          )}
          <Button type="submit" variant="secondary" pending={test.isPending}>
            Run test
          </Button>
        </form>
        <ErrorMessage error={test.error} />
        {test.data && <TestResult result={test.data} />}
      </div>
    </Card>
  );
}
