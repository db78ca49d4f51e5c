import { lockGrant, markReauthRequired, writeRefreshedTokens } from "@/db/queries/grants";
import type { ZoomGrant } from "@/db/schema";
import { getMetrics } from "@/lib/metrics/registry";
import type { TokenSet } from "@/lib/zoom/client";
import { ZoomInvalidGrantError, ZoomUnavailableError } from "@/lib/zoom/errors";
import { openAccessToken, openRefreshToken, sealTokens } from "./sealed-tokens";
import { ACCESS_TOKEN_MARGIN_MS, ReauthRequiredError, type Vault } from "./types";

export type RefreshNeed = (grant: ZoomGrant, cachedAccessToken: string) => boolean;

/** An access token and when Zoom said it expires. */
export interface FreshAccessToken {
  accessToken: string;
  expiresAt: Date;
}

/**
 * Refresh when the cached token has no more than the reuse margin (5 min) left, or no more than the
 * caller needs it to stay valid when that is longer, or when it is the one Zoom just refused.
 */
export const unlessFresh =
  (rejectedAccessToken: string | null = null, minValidityMs = 0): RefreshNeed =>
  (grant, cached) =>
    grant.accessTokenExpiresAt.getTime() - Date.now() <=
      Math.max(ACCESS_TOKEN_MARGIN_MS, minValidityMs) || cached === rejectedAccessToken;

type Outcome = ({ ok: true } & FreshAccessToken) | { ok: false; error: Error };

// Per module graph (see lib/broker.ts); the row lock is what makes refreshes exclusive across graphs and processes.
const flights = new Map<string, Promise<FreshAccessToken>>();

/**
 * Returns a usable access token for the grant, refreshing it at most once across every process that
 * shares the database. Callers in this process share one attempt; across processes the grant's row
 * lock decides, and whoever waited re-reads the row and uses the token the winner committed.
 */
export function refreshGrant(
  vault: Vault,
  grantId: string,
  need: RefreshNeed,
  flightKey = "",
): Promise<FreshAccessToken> {
  const key = `${grantId}:${flightKey}`;
  let flight = flights.get(key);
  if (!flight) {
    flight = refreshUnderLock(vault, grantId, need).finally(() => flights.delete(key));
    flights.set(key, flight);
  }
  return flight;
}

async function refreshUnderLock(
  vault: Vault,
  grantId: string,
  need: RefreshNeed,
): Promise<FreshAccessToken> {
  const outcome = await vault.db.transaction(async (tx): Promise<Outcome> => {
    const grant = await lockGrant(tx, grantId);
    if (!grant)
      return { ok: false, error: new ReauthRequiredError("The Zoom connection no longer exists") };
    if (grant.status !== "active") return { ok: false, error: new ReauthRequiredError() };
    const cached = openAccessToken(vault.keyring, grant);
    if (!need(grant, cached))
      return { ok: true, accessToken: cached, expiresAt: grant.accessTokenExpiresAt };
    try {
      const tokens = await refreshAllowingOneLostAnswer(
        vault,
        openRefreshToken(vault.keyring, grant),
      );
      // The new refresh token is committed before anyone uses the new access token.
      await writeRefreshedTokens(tx, grant.id, grant.version, {
        ...sealTokens(vault.keyring, grant.id, tokens),
        accessTokenExpiresAt: tokens.expiresAt,
        scopes: tokens.scope || grant.scopes,
      });
      getMetrics().refreshes.inc({ outcome: "refreshed" });
      return { ok: true, accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
    } catch (err) {
      const invalidGrant = err instanceof ZoomInvalidGrantError;
      getMetrics().refreshes.inc({ outcome: invalidGrant ? "invalid_grant" : "failed" });
      if (!invalidGrant) return { ok: false, error: err as Error };
      // We hold the row lock and re-read the row under it, so nobody rotated the token meanwhile:
      // Zoom really considers it dead. The version check makes that explicit.
      await markReauthRequired(tx, grant.id, grant.version, err.message);
      return { ok: false, error: new ReauthRequiredError() };
    }
  });
  if (!outcome.ok) throw outcome.error;
  return { accessToken: outcome.accessToken, expiresAt: outcome.expiresAt };
}

/**
 * A dropped connection leaves the outcome unknown: Zoom may not have seen the request, so one retry
 * with the same token is safe. If Zoom did rotate it, the retry is refused and the loss is named.
 */
async function refreshAllowingOneLostAnswer(vault: Vault, refreshToken: string): Promise<TokenSet> {
  try {
    return await vault.zoom.refresh(refreshToken);
  } catch (err) {
    if (!(err instanceof ZoomUnavailableError && err.reason === "network")) throw err;
  }
  try {
    return await vault.zoom.refresh(refreshToken);
  } catch (err) {
    if (err instanceof ZoomInvalidGrantError) {
      throw new ZoomInvalidGrantError(
        "Zoom rotated the refresh token but its answer was lost in transit",
      );
    }
    throw err;
  }
}
