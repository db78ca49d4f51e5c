import { useId } from "react";
import { DEFAULT_KINDS, KIND_LABELS, TOKEN_KINDS } from "@/lib/zak/kinds";

/** One checkbox per token kind (`name="kinds"`), ZAK checked; the access token flagged as powerful. */
export function KindCheckboxes() {
  const warningId = useId();
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800">Token kinds this URL may fetch</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {TOKEN_KINDS.map((kind) => {
          const powerful = kind === "access_token";
          return (
            <label key={kind} className="flex items-start gap-2 text-sm text-zinc-800">
              <input
                type="checkbox"
                name="kinds"
                value={kind}
                defaultChecked={DEFAULT_KINDS.includes(kind)}
                aria-describedby={powerful ? warningId : undefined}
                className="mt-0.5 size-4 shrink-0 accent-indigo-600"
              />
              <span>
                {KIND_LABELS[kind]}
                {powerful && (
                  <span id={warningId} className="mt-0.5 block text-xs text-amber-800">
                    Powerful: full Zoom API access as the connected user, within its scopes. Only
                    for Recall.ai&apos;s customer-managed OAuth.
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
