import type { ConnectionWithGrant } from "@/db/queries/connections";
import { missingScope, TOKEN_KINDS, type TokenKind } from "@/lib/zak/kinds";

export type ZoomConnectionStatus =
  "not_connected" | "connected" | "reauth_required" | "disconnected";

/** `GET /api/tenants/:slug/zoom`: the tenant's Zoom connection and the user bots join as; never a token. */
export interface ZoomConnectionView {
  status: ZoomConnectionStatus;
  disconnectedReason: string | null;
  /** Why Zoom no longer accepts the grant, when it needs a reconnect (e.g. an interrupted refresh). */
  reauthReason: string | null;
  user: { zoomUserId: string; displayName: string; email: string; picUrl: string | null } | null;
  connectedAt: string | null;
  lastRefreshAt: string | null;
  lastTokenServedAt: string | null;
  /**
   * The Zoom account's Light limit per second that calls are paced below, as set in the dashboard
   * (a plan's, or custom); null: learned from Zoom's answers.
   */
  zoomRateLimit: number | null;
  /** Which token kinds the connection can serve; a kind lacking its Zoom scope names the scope to add. */
  kinds: { kind: TokenKind; missingScope: string | null }[];
}

export function presentZoomConnection(found: ConnectionWithGrant | undefined): ZoomConnectionView {
  const grant = found?.grant ?? null;
  const status: ZoomConnectionStatus = !found
    ? "not_connected"
    : !grant
      ? "disconnected"
      : grant.status === "reauth_required"
        ? "reauth_required"
        : "connected";
  return {
    status,
    disconnectedReason: found?.connection.disconnectedReason ?? null,
    reauthReason: status === "reauth_required" ? (grant?.lastError ?? null) : null,
    user: grant
      ? {
          zoomUserId: grant.zoomUserId,
          displayName: grant.displayName,
          email: grant.email,
          picUrl: grant.picUrl,
        }
      : null,
    connectedAt: found?.connection.connectedAt.toISOString() ?? null,
    lastRefreshAt: grant?.refreshedAt.toISOString() ?? null,
    lastTokenServedAt: found?.connection.lastTokenServedAt?.toISOString() ?? null,
    zoomRateLimit: found?.connection.zoomRateLimit ?? null,
    kinds: grant
      ? TOKEN_KINDS.map((kind) => ({ kind, missingScope: missingScope(kind, grant.scopes) }))
      : [],
  };
}
