import type { ReactNode } from "react";

/** The card every connect-link page shows: whose link it is, a heading, and what comes next. */
export function ConnectPanel({
  eyebrow,
  title,
  children,
}: {
  eyebrow?: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <div
      className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8"
      data-testid="connect-panel"
    >
      {eyebrow && <p className="text-sm font-medium text-indigo-700">{eyebrow}</p>}
      <h1 className="mt-1 text-xl font-semibold tracking-tight text-zinc-900">{title}</h1>
      <div className="mt-4 space-y-4 text-sm text-zinc-700">{children}</div>
      <p className="mt-8 text-xs text-zinc-500">Secured by ZAK Broker</p>
    </div>
  );
}
