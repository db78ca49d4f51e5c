"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { ErrorMessage } from "./error-message";

interface ConfirmActionProps {
  /** Visible text of the button that opens the dialog, e.g. "Revoke". */
  trigger: string;
  /** Accessible name of that button when its text alone is ambiguous, e.g. "Revoke Production". */
  triggerLabel?: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  /** Runs the action; the dialog closes when it resolves and shows the error when it rejects. */
  onConfirm: () => Promise<unknown>;
}

/** A button that asks for confirmation in a modal `<dialog>` (focus is trapped, Escape cancels). */
export function ConfirmAction(props: ConfirmActionProps) {
  const {
    trigger,
    triggerLabel,
    triggerVariant = "danger-subtle",
    triggerSize = "sm",
    title,
    children,
    confirmLabel,
    onConfirm,
  } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  function show() {
    setError(null);
    setOpen(true);
  }

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (err) {
      setError(err instanceof Error ? err : new Error("Something went wrong"));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button variant={triggerVariant} size={triggerSize} onClick={show} aria-label={triggerLabel}>
        {trigger}
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onClose={() => setOpen(false)}
        onCancel={(e) => pending && e.preventDefault()}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <div id={bodyId} className="text-sm text-zinc-600">
            {children}
          </div>
          <ErrorMessage error={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {/* Cancel gets the first focus: the safe choice for a destructive action. */}
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending} autoFocus>
              Cancel
            </Button>
            <Button variant="danger" onClick={confirm} pending={pending}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  );
}
