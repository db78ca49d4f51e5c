import type { ZoomGrant } from "@/db/schema";
import { ZoomInvalidAccessTokenError } from "@/lib/zoom/errors";
import { refreshGrant, unlessFresh, type FreshAccessToken } from "./refresh";
import { openAccessToken } from "./sealed-tokens";
import { ReauthRequiredError, type Vault } from "./types";

/**
 * The hot path: no lock and no Zoom call while the cached access token has more than the margin left
 * (and more than `minValidityMs`, for a caller that hands the token on and needs it to last).
 */
export async function getAccessToken(
  vault: Vault,
  grant: ZoomGrant,
  minValidityMs = 0,
): Promise<FreshAccessToken> {
  if (grant.status !== "active") throw new ReauthRequiredError();
  const cached = openAccessToken(vault.keyring, grant);
  const need = unlessFresh(null, minValidityMs);
  return need(grant, cached)
    ? refreshGrant(vault, grant.id, need)
    : { accessToken: cached, expiresAt: grant.accessTokenExpiresAt };
}

/**
 * Calls Zoom with the grant's access token. Zoom may refuse a token before its expiry (code 124):
 * then the row is re-read under the lock (another process may have refreshed), refreshed if it still
 * holds the refused token, and the call is retried once.
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
    const retry = await refreshGrant(vault, grant.id, unlessFresh(accessToken), accessToken);
    return call(retry.accessToken);
  }
}
