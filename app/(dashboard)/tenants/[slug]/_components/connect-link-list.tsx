"use client";

import { ConfirmAction } from "@/app/_components/confirm-action";
import { EmptyState } from "@/app/_components/empty-state";
import { RelativeTime } from "@/app/_components/relative-time";
import { useRevokeConnectLink } from "@/lib/hooks/use-connect-links";
import type { ConnectLinkView } from "@/lib/views/connect-links";

/** Links nobody has used yet, with revoke. */
export function ConnectLinkList({ slug, links }: { slug: string; links: ConnectLinkView[] }) {
  const revoke = useRevokeConnectLink(slug);
  if (links.length === 0) {
    return (
      <EmptyState title="No open connect links">
        Links you create appear here until they are used, expire or are revoked.
      </EmptyState>
    );
  }
  return (
    <ul
      className="divide-y divide-zinc-100 rounded-lg border border-zinc-200"
      aria-label="Open connect links"
      data-testid="connect-link-list"
    >
      {links.map((link) => (
        <li key={link.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <div className="min-w-0 flex-1 text-sm">
            <p className="text-zinc-900">
              Created <RelativeTime value={link.createdAt} /> · expires{" "}
              <RelativeTime value={link.expiresAt} />
            </p>
            <p className="mt-0.5 truncate text-xs text-zinc-500">
              {link.returnUrl ? `Returns to ${link.returnUrl}` : "Ends on the done page"}
            </p>
          </div>
          <ConfirmAction
            trigger="Revoke"
            triggerLabel={`Revoke the link created ${new Date(link.createdAt).toLocaleString()}`}
            title="Revoke this connect link?"
            confirmLabel="Revoke"
            onConfirm={() => revoke.mutateAsync(link.id)}
          >
            Opening it will say it was revoked. Create a new link if the person still needs one.
          </ConfirmAction>
        </li>
      ))}
    </ul>
  );
}
