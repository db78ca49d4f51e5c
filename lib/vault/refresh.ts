import {
  claimRefreshLease,
  commitRefreshedTokens,
  findGrant,
  markReauthRequired,
  recordRefreshFailure,
  releaseRefreshLease,
} from "@/db/queries/grants";
import { listTenantIdsOfGrant } from "@/db/queries/outbox";
import { retryWhileUnreachable } from "@/db/retry";
import type { ZoomGrant } from "@/db/schema";
import { recordConnectionBreak } from "@/lib/events/record";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/registry";
import type { TokenSet } from "@/lib/zoom/client";
import { ZoomInvalidGrantError, ZoomUnavailableError } from "@/lib/zoom/errors";
import { leaseMsFor, leaseOwner, trackLeading } from "./lease";
import { openAccessToken, openRefreshToken, sealTokens } from "./sealed-tokens";
import {
  ACCESS_TOKEN_MARGIN_MS,
  ReauthRequiredError,
  RefreshPausedError,
  TOKEN_REJECTED,
  type Vault,
} from "./types";

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

export const INTERRUPTED_REASON = "a refresh was interrupted after Zoom rotated the token";

/** How often a caller waiting for another process's refresh re-reads the grant. */
const POLL_MS = 100;

// Per module graph (see lib/broker.ts); the lease on the row is what makes refreshes exclusive across
// graphs and processes.
const flights = new Map<string, Promise<FreshAccessToken>>();

/**
 * Returns a usable access token for the grant, refreshing it at most once across every process that
 * shares the database. Callers in this process share one attempt; across processes the grant's
 * refresh lease decides, and whoever waited re-reads the row and uses the token the holder committed.
 * No transaction or pooled connection is held while Zoom is called.
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
    flight = refreshUnderLease(vault, grantId, need).finally(() => flights.delete(key));
    flights.set(key, flight);
  }
  return flight;
}

async function refreshUnderLease(vault: Vault, grantId: string, need: RefreshNeed) {
  const leaseMs = leaseMsFor(vault.zoom.timeoutMs);
  // A holder's lease runs out within leaseMs; then a waiter takes it over, so this bounds the wait.
  const giveUpAt = Date.now() + leaseMs + 10 * POLL_MS;
  for (;;) {
    const grant = await findGrant(vault.db, grantId);
    if (!grant) throw new ReauthRequiredError("The Zoom connection no longer exists");
    if (grant.status !== "active") throw new ReauthRequiredError();
    const cached = openAccessToken(vault.keyring, grant);
    if (!need(grant, cached)) return { accessToken: cached, expiresAt: grant.accessTokenExpiresAt };
    throwIfPaused(grant);
    if (!isLeased(grant)) {
      const claimed = await claimRefreshLease(
        vault.db,
        grant.id,
        grant.version,
        leaseOwner(),
        leaseMs,
      );
      if (claimed) {
        const token = await trackLeading(lead(vault, claimed));
        if (token !== null) return token;
        continue; // another writer committed meanwhile: use what it wrote
      }
    }
    if (Date.now() >= giveUpAt) throw new ZoomUnavailableError("timeout", 1);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const isLeased = (grant: ZoomGrant) =>
  grant.refreshLeaseUntil !== null && grant.refreshLeaseUntil.getTime() > Date.now();

const UNAVAILABLE_REASONS = new Set<string>(["timeout", "network", "server_error", "rate_limited"]);

/** While the grant backs off, nobody calls Zoom's token endpoint for it. */
function throwIfPaused(grant: ZoomGrant) {
  const waitMs = (grant.refreshRetryAt?.getTime() ?? 0) - Date.now();
  if (waitMs <= 0) return;
  const seconds = Math.ceil(waitMs / 1000);
  const reason = grant.refreshPauseReason ?? "";
  if (reason === TOKEN_REJECTED) throw new RefreshPausedError(seconds);
  throw new ZoomUnavailableError(
    UNAVAILABLE_REASONS.has(reason) ? (reason as ZoomUnavailableError["reason"]) : "server_error",
    seconds,
  );
}

/**
 * Refreshes a grant whose lease this process holds, then commits (or records the failure) and frees
 * the lease in the same write. Null means another writer got there first: read the row again.
 */
async function lead(vault: Vault, grant: ZoomGrant): Promise<FreshAccessToken | null> {
  const owner = leaseOwner();
  let tokens: TokenSet;
  try {
    tokens = await refreshAllowingOneLostAnswer(vault, openRefreshToken(vault.keyring, grant));
  } catch (err) {
    if (err instanceof ZoomInvalidGrantError) return settleInvalidGrant(vault, grant, err);
    getMetrics().refreshes.inc({ outcome: "failed" });
    if (err instanceof ZoomUnavailableError) {
      await recordRefreshFailure(vault.db, grant.id, owner, {
        reason: err.reason,
        retryAfterSeconds: err.retryAfterSeconds,
        // The request may have reached Zoom, which then rotated the token.
        ambiguous: err.reason === "timeout" || err.reason === "network",
      });
    } else {
      await releaseRefreshLease(vault.db, grant.id, owner);
    }
    throw err;
  }
  // The new refresh token is committed before anyone uses the new access token. Zoom has already
  // rotated it, so the pair in hand is the only live one: a database blip must not lose it.
  const committed = await retryWhileUnreachable(
    () =>
      commitRefreshedTokens(vault.db, grant.id, grant.version, {
        ...sealTokens(vault.keyring, grant.id, tokens),
        accessTokenExpiresAt: tokens.expiresAt,
        scopes: tokens.scope || grant.scopes,
      }),
    grant.refreshLeaseUntil?.getTime() ?? Date.now() + leaseMsFor(vault.zoom.timeoutMs),
  );
  getMetrics().refreshes.inc({ outcome: "refreshed" });
  if (!committed) {
    // Only a new consent writes a grant without the lease, and Zoom killed this pair with it.
    getLogger().warn({ grantId: grant.id }, "refreshed tokens superseded by a newer write");
    return null;
  }
  return { accessToken: tokens.accessToken, expiresAt: tokens.expiresAt };
}

async function settleInvalidGrant(
  vault: Vault,
  grant: ZoomGrant,
  err: ZoomInvalidGrantError,
): Promise<null> {
  getMetrics().refreshes.inc({ outcome: "invalid_grant" });
  // Named, never silent: when an earlier refresh may have reached Zoom, that is the likely cause.
  const reason = grant.refreshInterruptedAt ? INTERRUPTED_REASON : err.message;
  // The version check: if someone committed a new pair since the lease was taken, the token is not
  // dead, it was rotated by them.
  if (await markReauthRequiredWithEvents(vault, grant, reason)) {
    getLogger().warn({ grantId: grant.id, reason }, "Zoom grant needs a reconnect");
    throw new ReauthRequiredError();
  }
  return null;
}

/** Marks the grant reauth_required and records the break for each of its tenants, together. */
function markReauthRequiredWithEvents(vault: Vault, grant: ZoomGrant, reason: string) {
  return vault.db.transaction(async (tx) => {
    if (!(await markReauthRequired(tx, grant.id, grant.version, reason))) return false;
    for (const tenantId of await listTenantIdsOfGrant(tx, grant.id)) {
      await recordConnectionBreak(tx, vault, tenantId, {
        type: "connection.reauth_required",
        data: { reason },
      });
    }
    return true;
  });
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

/** Logs a background refresh that failed; the failure is already recorded on the grant. */
export function logBackgroundFailure(grantId: string) {
  return (err: unknown) => {
    if (err instanceof ZoomUnavailableError || err instanceof RefreshPausedError) return;
    getLogger().warn({ grantId, error: errorFields(err) }, "background refresh failed");
  };
}
