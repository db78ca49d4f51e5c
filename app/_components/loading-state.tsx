/** A placeholder while data loads; announced politely once. */
export function LoadingState({ label, rows = 2 }: { label: string; rows?: number }) {
  return (
    <div role="status" className="space-y-2">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className="h-9 animate-pulse rounded-md bg-zinc-100" />
      ))}
    </div>
  );
}
