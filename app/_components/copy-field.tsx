"use client";

import { CopyButton } from "./copy-button";
import { TextField } from "./field";

/** A read-only value (a URL, a secret) with a Copy button; focusing the field selects it. */
export function CopyField({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <TextField
        label={label}
        value={value}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1"
        inputClassName="font-mono"
        spellCheck={false}
      />
      <CopyButton value={value} label={`Copy ${label}`} />
    </div>
  );
}
