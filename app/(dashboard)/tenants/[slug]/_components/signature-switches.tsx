"use client";

import { ErrorMessage } from "@/app/_components/error-message";
import { useSetSigningRequirement } from "@/lib/hooks/use-signing";
import type { SigningView } from "@/lib/views/signing";
import { SIGNING_PLATFORM_IDS, SIGNING_PLATFORMS } from "./signing-platforms";

interface SignatureSwitchesProps {
  slug: string;
  signing: SigningView;
  canManage: boolean;
}

/** One "require signature" switch per platform; off limits until the platform has a live secret. */
export function SignatureSwitches({ slug, signing, canManage }: SignatureSwitchesProps) {
  const set = useSetSigningRequirement(slug);
  return (
    <div className="space-y-3">
      <ul className="space-y-2">
        {SIGNING_PLATFORM_IDS.map((platform) => {
          const { name, requireKey } = SIGNING_PLATFORMS[platform];
          // While a change is on its way, show it (the server's answer replaces it, or the error does).
          const on = (set.isPending ? set.variables[requireKey] : undefined) ?? signing[requireKey];
          const hasSecret = signing.secrets.some((s) => s.platform === platform);
          const hintId = `require-${platform}-hint`;
          return (
            <li key={platform} className="flex items-start gap-3">
              <input
                id={`require-${platform}`}
                type="checkbox"
                role="switch"
                checked={on}
                disabled={!canManage || set.isPending || (!on && !hasSecret)}
                onChange={(e) => set.mutate({ [requireKey]: e.target.checked })}
                aria-describedby={hintId}
                className="mt-0.5 size-4 shrink-0 accent-indigo-600"
              />
              <div className="text-sm">
                <label htmlFor={`require-${platform}`} className="font-medium text-zinc-900">
                  Require {name} signature
                </label>
                <p id={hintId} className="text-xs text-zinc-500">
                  {!hasSecret && !on
                    ? `Add a signing secret for ${name} below first.`
                    : on
                      ? `Requests without a valid ${name} signature are refused.`
                      : `Signed requests are checked; unsigned ones still pass.`}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
      <ErrorMessage error={set.error} />
    </div>
  );
}
