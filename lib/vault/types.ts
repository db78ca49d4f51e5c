import type { Db } from "@/db/client";
import type { Keyring } from "@/lib/crypto/keyring";
import type { ZoomClient } from "@/lib/zoom/client";
import type { ZoomPacer } from "@/lib/zoom-pacing/pacer";

/**
 * What the vault needs: the database, the encryption keys, a Zoom client, and whether owners are
 * emailed when a connection breaks (SMTP is configured).
 */
export interface Vault {
  db: Db;
  keyring: Keyring;
  zoom: ZoomClient;
  emailAlerts: boolean;
  /** Paces API calls per Zoom account (the app always has one; tests may leave calls unpaced). */
  pacer?: ZoomPacer;
}

/** The grant's tokens are dead at Zoom; only a new consent (reconnect) brings it back. */
export class ReauthRequiredError extends Error {
  constructor(message = "The Zoom connection must be reconnected") {
    super(message);
    this.name = "ReauthRequiredError";
  }
}

/** Reuse a cached access token until this long before it expires. */
export const ACCESS_TOKEN_MARGIN_MS = 5 * 60 * 1000;

/** Below this much life left, a cached access token is not handed out even while Zoom is down. */
export const ACCESS_TOKEN_USABLE_MS = 30 * 1000;

/** Why refreshes pause when Zoom refused an access token it had just issued. */
export const TOKEN_REJECTED = "token_rejected";

/**
 * Zoom refused an access token it had just issued, so refreshing again would only rotate the refresh
 * token for nothing: refreshes of this grant pause for a while.
 */
export class RefreshPausedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("Zoom refuses the access tokens it issues for this connection");
    this.name = "RefreshPausedError";
  }
}
