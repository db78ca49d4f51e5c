"use client";

import { Banner } from "@/app/_components/banner";
import { Button } from "@/app/_components/button";
import { CopyButton } from "@/app/_components/copy-button";
import { TextField } from "@/app/_components/field";

interface NewSecretProps {
  zakUrl: string;
  label: string;
  onDone: () => void;
}

/** Shows a freshly created ZAK URL, the only time it is ever shown. */
export function NewSecret({ zakUrl, label, onDone }: NewSecretProps) {
  return (
    <div
      className="space-y-3 rounded-lg border border-indigo-200 bg-indigo-50/50 p-4"
      data-testid="new-zak-url"
    >
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          label={`New ZAK URL${label ? ` for ${label}` : ""}`}
          value={zakUrl}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1"
          inputClassName="font-mono"
          spellCheck={false}
        />
        <CopyButton value={zakUrl} label="Copy ZAK URL" />
      </div>
      <Banner tone="warning" role="alert">
        Copy it now: it will not be shown again.
      </Banner>
      <Button variant="ghost" size="sm" onClick={onDone}>
        Done, I copied it
      </Button>
    </div>
  );
}
