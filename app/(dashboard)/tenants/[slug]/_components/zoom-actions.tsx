"use client";

import { Button, buttonClass } from "@/app/_components/button";
import { ConfirmAction } from "@/app/_components/confirm-action";
import { tenantPath } from "@/lib/hooks/api-client";
import { useDisconnectZoom } from "@/lib/hooks/use-zoom-connection";
import type { ZoomConnectionStatus } from "@/lib/views/zoom-connection";

/**
 * Connect (a form post that the server answers with a redirect to Zoom's consent page), or
 * reconnect/disconnect. A broken connection can also be reconnected by its Zoom user through a
 * connect link (the Connect links card).
 */
export function ZoomActions({ slug, status }: { slug: string; status: ZoomConnectionStatus }) {
  const disconnect = useDisconnectZoom(slug);
  const hasConnection = status !== "not_connected";
  const broken = status === "reauth_required" || status === "disconnected";
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-4">
      <form method="post" action={tenantPath(slug, "/zoom/connect")}>
        <Button type="submit" variant={status === "connected" ? "secondary" : "primary"}>
          {hasConnection ? "Reconnect" : "Connect Zoom"}
        </Button>
      </form>
      {broken && (
        <a href="#card-connect-links" className={buttonClass("secondary")}>
          Create connect link
        </a>
      )}
      {hasConnection && (
        <ConfirmAction
          trigger="Disconnect"
          triggerSize="md"
          title="Disconnect Zoom?"
          confirmLabel="Disconnect"
          onConfirm={() => disconnect.mutateAsync()}
        >
          Bots using this tenant&apos;s token URLs will get an error instead of a token until
          someone connects Zoom again.
        </ConfirmAction>
      )}
    </div>
  );
}
