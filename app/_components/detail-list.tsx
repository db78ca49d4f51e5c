import type { ReactNode } from "react";

export interface Detail {
  label: string;
  value: ReactNode;
}

/** Label/value pairs laid out as a compact grid. */
export function DetailList({ items, testId }: { items: Detail[]; testId?: string }) {
  return (
    <dl
      data-testid={testId}
      className="grid grid-cols-[repeat(auto-fill,minmax(7.5rem,1fr))] gap-x-6 gap-y-3 text-sm"
    >
      {items.map((item) => (
        <div key={item.label} className="min-w-0">
          <dt className="text-xs font-medium text-zinc-500">{item.label}</dt>
          <dd className="mt-0.5 truncate text-zinc-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
