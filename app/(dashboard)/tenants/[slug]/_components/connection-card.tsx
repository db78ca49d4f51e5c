"use client";

import { Avatar } from "@/app/_components/avatar";
import { Banner } from "@/app/_components/banner";
import { Card } from "@/app/_components/card";
import { DetailList } from "@/app/_components/detail-list";
import { ErrorMessage } from "@/app/_components/error-message";
import { RelativeTime } from "@/app/_components/relative-time";
import { useZoomConnection } from "@/lib/hooks/use-zoom-connection";
import type { ZoomConnectionView } from "@/lib/views/zoom-connection";
import { ConnectionKinds } from "./connection-kinds";
import { ZoomActions } from "./zoom-actions";
import { ZoomRateLimitForm } from "./zoom-rate-limit-form";
import { ZoomStatusBadge } from "./zoom-status-badge";

interface ConnectionCardProps {
  slug: string;
  canManage: boolean;
  initial: ZoomConnectionView;
}

export function ConnectionCard({ slug, canManage, initial }: ConnectionCardProps) {
  const zoom = useZoomConnection(slug, initial);
  return (
    <Card
      title="Bots will join as"
      description="The Zoom user whose tokens your bots receive."
      actions={<ZoomStatusBadge status={zoom.data.status} />}
      testId="connection-card"
    >
      {zoom.isError ? (
        <ErrorMessage error={zoom.error} onRetry={() => void zoom.refetch()} />
      ) : (
        <ConnectionDetails slug={slug} connection={zoom.data} canManage={canManage} />
      )}
    </Card>
  );
}

function ConnectionDetails({
  slug,
  connection,
  canManage,
}: { slug: string; connection: ZoomConnectionView } & Pick<ConnectionCardProps, "canManage">) {
  const { status, user } = connection;
  return (
    <div className="space-y-5">
      {user ? (
        <div className="flex items-center gap-4">
          <Avatar key={user.picUrl} name={user.displayName} src={user.picUrl} />
          <div className="min-w-0">
            <p className="truncate font-medium text-zinc-900" data-testid="zoom-display-name">
              {user.displayName}
            </p>
            <p className="truncate text-sm text-zinc-600" data-testid="zoom-email">
              {user.email}
            </p>
          </div>
        </div>
      ) : (
        <p className="text-sm text-zinc-600">
          No Zoom account is connected, so bots cannot get a token yet.
          {!canManage && " Ask an owner or admin of this tenant to connect one."}
        </p>
      )}
      <StatusNote connection={connection} />
      {status !== "not_connected" && (
        <DetailList
          items={[
            { label: "Connected since", value: <RelativeTime value={connection.connectedAt} /> },
            { label: "Last refresh", value: <RelativeTime value={connection.lastRefreshAt} /> },
            {
              label: "Last token served",
              value: <RelativeTime value={connection.lastTokenServedAt} fallback="Never" />,
            },
          ]}
        />
      )}
      {status === "connected" && <ConnectionKinds kinds={connection.kinds} />}
      {canManage && status !== "not_connected" && (
        <ZoomRateLimitForm slug={slug} limit={connection.zoomRateLimit} />
      )}
      {canManage && <ZoomActions slug={slug} status={status} />}
    </div>
  );
}

function StatusNote({ connection }: { connection: ZoomConnectionView }) {
  if (connection.status === "reauth_required") {
    return (
      <Banner tone="warning" title="Reconnect needed" testId="zoom-reauth-warning">
        Zoom no longer accepts this connection (
        {connection.reauthReason ?? "the user removed the app or the grant was revoked"}). Bots get
        409 until someone reconnects.
      </Banner>
    );
  }
  if (connection.status === "disconnected") {
    return (
      <Banner tone="warning" title="Disconnected" testId="zoom-disconnected-reason">
        {connection.disconnectedReason ?? "The Zoom connection was removed."} Bots cannot get a
        token until someone reconnects.
      </Banner>
    );
  }
  return null;
}
