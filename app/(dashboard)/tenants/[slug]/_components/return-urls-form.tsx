"use client";

import { useId, type FormEvent } from "react";
import { Button } from "@/app/_components/button";
import { ErrorMessage } from "@/app/_components/error-message";
import { formText } from "@/app/_components/form-text";
import { useSetReturnUrls } from "@/lib/hooks/use-connect-links";

/** The allow-list a link's return URL must match: one origin with an optional path prefix a line. */
export function ReturnUrlsForm({ slug, returnUrls }: { slug: string; returnUrls: string[] }) {
  const save = useSetReturnUrls(slug);
  const id = useId();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const lines = formText(new FormData(event.currentTarget), "returnUrls").split("\n");
    save.mutate(lines.map((line) => line.trim()).filter(Boolean));
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 border-t border-zinc-100 pt-4"
      aria-label="Allowed return URLs"
    >
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        Allowed return URLs
      </label>
      <textarea
        id={id}
        name="returnUrls"
        key={returnUrls.join("\n")}
        defaultValue={returnUrls.join("\n")}
        rows={3}
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        placeholder="https://app.example.com/zoom"
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-sm text-zinc-900 shadow-sm focus:border-indigo-600 focus:outline-2 focus:outline-indigo-600/30"
      />
      <p id={`${id}-hint`} className="text-xs text-zinc-500">
        One per line. A return URL must have the same origin and a path under one of these (https;
        http only for localhost).
      </p>
      <ErrorMessage error={save.error} />
      <Button type="submit" variant="secondary" pending={save.isPending}>
        Save return URLs
      </Button>
    </form>
  );
}
