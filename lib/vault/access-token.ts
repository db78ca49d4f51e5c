import { pauseRefreshes } from "@/db/queries/grants";
import type { ZoomGrant } from "@/db/schema";
import { ZoomInvalidAccessTokenError } from "@/lib/zoom/errors";
import { isDraining } from "./lease";
import { logBackgroundFailure, refreshGrant, unlessFresh, type FreshAccessToken } from "./refresh";
import { openAccessToken } from "./sealed-tokens";
import {
  ACCESS_TOKEN_MARGIN_MS,
  ACCESS_TOKEN_USABLE_MS,
  ReauthRequiredError,
  TOKEN_REJECTED,
  type Vault,
} from "./types";

/** How long refreshes pause after Zoom refused an access token it had just issued. */
const REJECTED_TOKEN_PAUSE_SECONDS = 60;

/**
 * The hot path: no lease and no Zoom call while the cached access token has more than the margin
 * left. Inside the margin but still valid, it is served and one background refresh starts, so a slow
 * or failing Zoom never holds a bot up while the cached token lasts. `minValidityMs` is for a caller
 * that hands the token on and needs it to last that long: below it, the refresh comes first.
 */
export async function getAccessToken(
  vault: Vault,
  grant: ZoomGrant,
  minValidityMs = 0,
): Promise<FreshAccessToken> {
  if (grant.status !== "active") throw new ReauthRequiredError();
  const cached = {
    accessToken: openAccessToken(vault.keyring, grant),
    expiresAt: grant.accessTokenExpiresAt,
  };
  const left = grant.accessTokenExpiresAt.getTime() - Date.now();
  if (left > Math.max(ACCESS_TOKEN_MARGIN_MS, minValidityMs)) return cached;
  const need = unlessFresh(null, minValidityMs);
  if (left <= Math.max(ACCESS_TOKEN_USABLE_MS, minValidityMs))
    return refreshGrant(vault, grant.id, need);
  if (!isDraining()) {
    void refreshGrant(vault, grant.id, need).catch(logBackgroundFailure(grant.id));
  }
  return cached;
}

/**
 * Calls Zoom with the grant's access token. Zoom may refuse a token before its expiry (code 124):
 * then the row is re-read (another process may have refreshed), refreshed if it still holds the
 * refused token, and the call is retried once. If Zoom refuses that new token too, refreshes pause
 * for a minute, so a persistent refusal cannot rotate the refresh token on every request.
 */
export async function withAccessToken<T>(
  vault: Vault,
  grant: ZoomGrant,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  const { accessToken } = await getAccessToken(vault, grant);
  try {
    return await call(accessToken);
  } catch (err) {
    if (!(err instanceof ZoomInvalidAccessTokenError)) throw err;
  }
  const fresh = await refreshGrant(vault, grant.id, unlessFresh(accessToken), accessToken);
  try {
    return await call(fresh.accessToken);
  } catch (err) {
    if (err instanceof ZoomInvalidAccessTokenError) {
      await pauseRefreshes(vault.db, grant.id, REJECTED_TOKEN_PAUSE_SECONDS, TOKEN_REJECTED);
    }
    throw err;
  }
}
