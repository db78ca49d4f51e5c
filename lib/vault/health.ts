import type { ZoomGrant } from "@/db/schema";

/**
 * How a grant's token refreshes are going, for the API's connection status. `paused`: refreshes wait
 * until `retryAt` after Zoom failed or refused (bots still get the cached token while it is valid);
 * `interrupted`: a refresh ended without a commit, and the next one will find out whether Zoom
 * rotated the token meanwhile.
 */
export interface RefreshHealth {
  state: "ok" | "paused" | "interrupted" | "reauth_required";
  /** Why refreshes pause: timeout, network, server_error, rate_limited or token_rejected. */
  pauseReason: string | null;
  retryAt: string | null;
  consecutiveFailures: number;
  accessTokenExpiresAt: string;
}

export function refreshHealth(grant: ZoomGrant, now = Date.now()): RefreshHealth {
  const paused = grant.refreshRetryAt !== null && grant.refreshRetryAt.getTime() > now;
  const state =
    grant.status === "reauth_required"
      ? "reauth_required"
      : paused
        ? "paused"
        : grant.refreshInterruptedAt
          ? "interrupted"
          : "ok";
  return {
    state,
    pauseReason: paused ? grant.refreshPauseReason : null,
    retryAt: paused ? grant.refreshRetryAt!.toISOString() : null,
    consecutiveFailures: grant.refreshFailures,
    accessTokenExpiresAt: grant.accessTokenExpiresAt.toISOString(),
  };
}
