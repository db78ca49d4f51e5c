import type { ReactNode } from "react";

interface CardProps {
  title: string;
  description?: ReactNode;
  /** Buttons or badges shown on the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A titled section; the title names the region for assistive technology and e2e tests. */
export function Card({ title, description, actions, children, testId }: CardProps) {
  const headingId = `card-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className="rounded-xl border border-zinc-200 bg-white shadow-sm"
    >
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-100 px-5 py-4">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-zinc-900">
            {title}
          </h2>
          {description && <p className="mt-1 text-sm text-zinc-600">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </header>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}
