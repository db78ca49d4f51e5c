import type { ReactNode } from "react";

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** Small things above the title, e.g. a back link. */
  eyebrow?: ReactNode;
  /** Badges or buttons next to the title. */
  children?: ReactNode;
}

export function PageHeader({ title, description, eyebrow, children }: PageHeaderProps) {
  return (
    <div className="mb-6 space-y-2">
      {eyebrow && <div className="text-sm">{eyebrow}</div>}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-words text-zinc-900">{title}</h1>
        {children}
      </div>
      {description && <p className="text-sm text-zinc-600">{description}</p>}
    </div>
  );
}
