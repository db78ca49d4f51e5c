"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { ErrorMessage } from "@/app/_components/error-message";
import { SelectField, TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { useSetZoomRateLimit } from "@/lib/hooks/use-zoom-connection";
import { ZOOM_PLAN_LIMITS } from "@/lib/zoom-pacing/limits";

const PLAN_OPTIONS = [
  { value: "learned", label: "Learn it from Zoom's answers" },
  { value: String(ZOOM_PLAN_LIMITS.free), label: `Free (${ZOOM_PLAN_LIMITS.free}/s)` },
  { value: String(ZOOM_PLAN_LIMITS.pro), label: `Pro (${ZOOM_PLAN_LIMITS.pro}/s)` },
  { value: String(ZOOM_PLAN_LIMITS.business), label: `Business (${ZOOM_PLAN_LIMITS.business}/s)` },
  { value: "custom", label: "Custom" },
] as const;

const choiceOf = (limit: number | null) =>
  limit === null
    ? "learned"
    : (PLAN_OPTIONS.find((o) => o.value === String(limit))?.value ?? "custom");

/** The Zoom account's Light limit: bot calls to Zoom are paced below it, so a burst waits in line. */
export function ZoomRateLimitForm({ slug, limit }: { slug: string; limit: number | null }) {
  const save = useSetZoomRateLimit(slug);
  const [choice, setChoice] = useState<string>(choiceOf(limit));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const custom = formText(new FormData(event.currentTarget), "custom");
    save.mutate(choice === "learned" ? null : Number(choice === "custom" ? custom : choice));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="zoom-rate-limit-form">
      <SelectField
        label="Zoom plan rate limit"
        name="plan"
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
        options={PLAN_OPTIONS}
        hint="Zoom limits API calls per account, shared by every app on it. Bot requests beyond it wait in line instead of getting Zoom's 429."
      />
      {choice === "custom" && (
        <TextField
          label="Requests per second"
          name="custom"
          type="number"
          min={1}
          max={1000}
          required
          defaultValue={limit ?? ""}
        />
      )}
      <Button type="submit" variant="secondary" pending={save.isPending}>
        Save limit
      </Button>
      <ErrorMessage error={save.error} />
    </form>
  );
}
