"use client";

import { useState, type FormEvent } from "react";
import { Banner } from "@/app/_components/banner";
import { Button } from "@/app/_components/button";
import { CopyField } from "@/app/_components/copy-field";
import { ErrorMessage } from "@/app/_components/error-message";
import { TextField } from "@/app/_components/field";
import { formText } from "@/app/_components/form-text";
import { EVENT_TYPES, type EventType } from "@/lib/events/types";
import { useAddWebhookEndpoint } from "@/lib/hooks/use-webhooks";
import { EVENT_LABELS } from "./webhook-events";

const isEventType = (value: unknown): value is EventType =>
  (EVENT_TYPES as readonly unknown[]).includes(value);

/** Adds an endpoint, then shows its signing secret: the only time it is shown. */
export function AddWebhookForm({ slug }: { slug: string }) {
  const add = useAddWebhookEndpoint(slug);
  const [noEvent, setNoEvent] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const events = data.getAll("events").filter(isEventType);
    setNoEvent(events.length === 0);
    if (events.length === 0) return;
    add.mutate({ url: formText(data, "url").trim(), events }, { onSuccess: () => form.reset() });
  }

  return (
    <div className="space-y-4 border-t border-zinc-100 pt-4">
      <form onSubmit={onSubmit} className="space-y-4" aria-label="Add a webhook endpoint">
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          required
          maxLength={2000}
          placeholder="https://example.com/webhooks/zak-broker"
          inputClassName="font-mono"
        />
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Events</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {EVENT_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-2 text-sm text-zinc-800">
                <input
                  type="checkbox"
                  name="events"
                  value={type}
                  defaultChecked
                  className="size-4 shrink-0 accent-indigo-600"
                />
                {EVENT_LABELS[type]} <code className="text-xs text-zinc-500">{type}</code>
              </label>
            ))}
          </div>
        </fieldset>
        {noEvent && (
          <p role="alert" className="text-sm text-red-700">
            Pick at least one event.
          </p>
        )}
        <ErrorMessage error={add.error} />
        <Button type="submit" pending={add.isPending}>
          Add endpoint
        </Button>
      </form>
      {add.data && (
        <div
          className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4"
          data-testid="new-webhook-secret"
        >
          <CopyField label={`Signing secret for ${add.data.url}`} value={add.data.secret} />
          <Banner tone="warning" role="alert">
            Copy it now: verify each delivery&apos;s webhook-signature with it. It cannot be shown
            again.
          </Banner>
          <Button variant="ghost" size="sm" onClick={() => add.reset()}>
            Done, I copied it
          </Button>
        </div>
      )}
    </div>
  );
}
