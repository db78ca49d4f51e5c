"use client";

import { useEffect, useState } from "react";
import { Button, type ButtonSize } from "./button";

interface CopyButtonProps {
  value: string;
  /** Names what is copied for screen readers and tests, e.g. "Copy ZAK URL". */
  label?: string;
  size?: ButtonSize;
}

export function CopyButton({ value, label = "Copy", size = "md" }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <>
      <Button variant="secondary" size={size} onClick={copy} aria-label={label}>
        {state === "copied" ? "Copied" : "Copy"}
      </Button>
      <span role="status" className="sr-only">
        {state === "copied"
          ? "Copied to clipboard"
          : state === "failed"
            ? "Could not copy; select the text and copy it"
            : ""}
      </span>
    </>
  );
}
