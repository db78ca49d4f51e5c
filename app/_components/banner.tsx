import type { ReactNode } from "react";
import { focusRing } from "./button";

export type BannerTone = "info" | "success" | "warning" | "danger";

const TONES: Record<BannerTone, string> = {
  info: "border-indigo-200 bg-indigo-50 text-indigo-950",
  success: "border-emerald-200 bg-emerald-50 text-emerald-950",
  warning: "border-amber-200 bg-amber-50 text-amber-950",
  danger: "border-red-200 bg-red-50 text-red-900",
};

interface BannerProps {
  tone: BannerTone;
  title?: string;
  children: ReactNode;
  /** "alert" for errors that need attention now, "status" for news; omit for static notes. */
  role?: "alert" | "status";
  onDismiss?: () => void;
  testId?: string;
}

export function Banner({ tone, title, children, role, onDismiss, testId }: BannerProps) {
  return (
    <div
      role={role}
      data-testid={testId}
      className={`flex items-start gap-3 rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}
    >
      <div className="min-w-0 flex-1 space-y-1">
        {title && <p className="font-semibold">{title}</p>}
        <div>{children}</div>
      </div>
      {onDismiss && (
        <button
          type="button"
          onClick={onDismiss}
          aria-label="Dismiss"
          className={`-m-1 rounded p-1 leading-none opacity-70 hover:opacity-100 ${focusRing}`}
        >
          <span aria-hidden="true" className="block text-lg">
            ×
          </span>
        </button>
      )}
    </div>
  );
}
