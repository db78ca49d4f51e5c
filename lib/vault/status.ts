import type { ConnectionWithGrant } from "@/db/queries/connections";

export type ConnectionStatus = "not_connected" | "connected" | "reauth_required" | "disconnected";

/** What the dashboard shows about a tenant's Zoom connection; never a token. */
export function describeConnection(found: ConnectionWithGrant | undefined) {
  const grant = found?.grant ?? null;
  const status: ConnectionStatus = !found
    ? "not_connected"
    : !grant
      ? "disconnected"
      : grant.status === "reauth_required"
        ? "reauth_required"
        : "connected";
  return {
    status,
    disconnectedReason: found?.connection.disconnectedReason ?? null,
    user: grant
      ? {
          zoomUserId: grant.zoomUserId,
          displayName: grant.displayName,
          email: grant.email,
          picUrl: grant.picUrl,
        }
      : null,
    connectedAt: found?.connection.connectedAt ?? null,
    lastRefreshAt: grant?.refreshedAt ?? null,
    lastTokenServedAt: found?.connection.lastTokenServedAt ?? null,
  };
}
