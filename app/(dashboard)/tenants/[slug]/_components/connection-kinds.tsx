import { Badge } from "@/app/_components/badge";
import type { ZoomConnectionView } from "@/lib/views/zoom-connection";
import { KIND_LABELS } from "@/lib/zak/kinds";

/** Which token kinds the connection can serve; a kind lacking its Zoom scope says how to fix it. */
export function ConnectionKinds({ kinds }: { kinds: ZoomConnectionView["kinds"] }) {
  if (kinds.length === 0) return null;
  return (
    <div>
      <h3 className="text-xs font-medium text-zinc-500">Tokens it can serve</h3>
      <ul className="mt-1.5 space-y-1.5 text-sm" data-testid="connection-kinds">
        {kinds.map(({ kind, missingScope }) => (
          <li key={kind} className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <Badge tone={missingScope ? "warning" : "success"}>
              {missingScope ? "Missing scope" : "Ready"}
            </Badge>
            <span className="font-medium text-zinc-900">{KIND_LABELS[kind]}</span>
            {missingScope && (
              <span className="text-zinc-600">
                needs scope <code className="font-mono text-zinc-800">{missingScope}</code>: add it
                to the Zoom app and reconnect
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
