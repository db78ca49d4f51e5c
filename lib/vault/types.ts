import type { Db } from "@/db/client";
import type { Keyring } from "@/lib/crypto/keyring";
import type { ZoomClient } from "@/lib/zoom/client";

/** What the vault needs: the database, the encryption keys and a Zoom client. */
export interface Vault {
  db: Db;
  keyring: Keyring;
  zoom: ZoomClient;
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
