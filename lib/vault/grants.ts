import {
  clearBreakNotified,
  findConnection,
  deleteConnection,
  detachGrant,
  linkTenantToGrant,
} from "@/db/queries/connections";
import type { Tx } from "@/db/client";
import {
  countTenantsUsingGrant,
  deleteGrant,
  findGrant,
  lockGrant,
  lockGrantByZoomUser,
  upsertGrantFromConsent,
} from "@/db/queries/grants";
import type { ZoomGrant } from "@/db/schema";
import { recordConnectionBreak, recordEvent } from "@/lib/events/record";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import type { TokenSet } from "@/lib/zoom/client";
import type { ZoomUser } from "@/lib/zoom/schemas";
import { withAccessToken } from "./access-token";
import { sealTokens } from "./sealed-tokens";
import { ReauthRequiredError, type Vault } from "./types";

const DEAUTHORIZED_REASON = "The Zoom user removed the app or revoked its access at Zoom.";

function profileOf(user: ZoomUser, scope: string) {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return {
    zoomUserId: user.id,
    zoomAccountId: user.account_id,
    email: user.email,
    displayName: user.display_name || name || user.email,
    picUrl: user.pic_url || null,
    scopes: scope,
  };
}

/** Stores a completed consent and links the tenant to that Zoom user's (possibly shared) grant. */
export async function storeConsent(
  vault: Vault,
  input: { tenantId: string; userId: string | null; tokens: TokenSet; user: ZoomUser },
): Promise<void> {
  const profile = profileOf(input.user, input.tokens.scope);
  const previousGrantId = await vault.db.transaction(async (tx) => {
    const grantId = await upsertGrantFromConsent(tx, profile, (id) => ({
      ...sealTokens(vault.keyring, id, input.tokens),
      accessTokenExpiresAt: input.tokens.expiresAt,
    }));
    const previous = await linkTenantToGrant(tx, {
      tenantId: input.tenantId,
      grantId,
      userId: input.userId,
    });
    await clearBreakNotified(tx, grantId);
    await recordEvent(tx, input.tenantId, "connection.connected", {
      zoomUser: { email: profile.email, displayName: profile.displayName },
    });
    return previous !== grantId ? previous : null;
  });
  // The tenant switched to another Zoom user: let go of the old grant if nobody else uses it.
  if (previousGrantId) await releaseGrantOrLeaveToMaintenance(vault, previousGrantId);
}

/**
 * Disconnects a tenant: the connection goes first, with its event; the grant is then revoked at Zoom
 * and deleted when no other tenant uses it. Zoom answers the revoke with a deauthorization webhook,
 * which then finds no tenant on the grant, so it is not taken for a deauthorization at Zoom.
 */
export async function disconnectTenant(vault: Vault, tenantId: string): Promise<void> {
  const current = await findConnection(vault.db, tenantId);
  if (!current) return;
  const grant = current.grant;
  await vault.db.transaction(async (tx) => {
    // Grant row first, then the connection: the order the deauthorization webhook and a new
    // consent take them in, so they cannot deadlock.
    if (grant) await lockGrant(tx, grant.id);
    await deleteConnection(tx, tenantId);
    if (grant)
      await recordEvent(tx, tenantId, "connection.disconnected", { by: "user", reason: null });
  });
  if (grant) await releaseGrantOrLeaveToMaintenance(vault, grant.id);
}

/**
 * Failing to release a grant nobody uses is not the person's problem: the tenant is already
 * disconnected, and the maintenance job retries the release.
 */
async function releaseGrantOrLeaveToMaintenance(vault: Vault, grantId: string) {
  await releaseGrantIfUnused(vault, grantId).catch((err: unknown) =>
    getLogger().warn({ error: errorFields(err) }, "could not release an unused grant yet"),
  );
}

/** Revokes and deletes a grant that no tenant uses any more (after a tenant switched Zoom users). */
export async function releaseGrantIfUnused(vault: Vault, grantId: string): Promise<void> {
  const grant = await findGrant(vault.db, grantId);
  if (!grant || (await countTenantsUsingGrant(vault.db, grantId)) > 0) return;
  await revokeAtZoom(vault, grant);
  await vault.db.transaction(async (tx) => {
    if (await lockGrant(tx, grantId)) await deleteGrantIfUnused(tx, grantId);
  });
}

// Outside any transaction: Zoom answers a revoke by calling our deauthorization webhook.
async function revokeAtZoom(vault: Vault, grant: ZoomGrant): Promise<void> {
  if (grant.status !== "active") return;
  await withAccessToken(vault, grant, (accessToken) => vault.zoom.revoke(accessToken)).catch(
    (err: unknown) => {
      if (!(err instanceof ReauthRequiredError)) throw err;
    },
  );
}

/** The caller holds the grant's row lock. */
async function deleteGrantIfUnused(tx: Tx, grantId: string) {
  if ((await countTenantsUsingGrant(tx, grantId)) === 0) await deleteGrant(tx, grantId);
}

/**
 * Applies Zoom's app_deauthorized event: deletes that user's tokens and marks the tenants that used
 * them disconnected. Idempotent, and an event older than the latest consent is ignored.
 */
export async function applyDeauthorization(
  vault: Vault,
  zoomUserId: string,
  deauthorizedAt: Date,
): Promise<boolean> {
  return vault.db.transaction(async (tx) => {
    const grant = await lockGrantByZoomUser(tx, zoomUserId);
    if (!grant || grant.authorizedAt > deauthorizedAt) return false;
    for (const tenantId of await detachGrant(tx, grant.id, DEAUTHORIZED_REASON)) {
      await recordConnectionBreak(tx, vault, tenantId, {
        type: "connection.disconnected",
        data: { by: "zoom", reason: DEAUTHORIZED_REASON },
      });
    }
    await deleteGrant(tx, grant.id);
    return true;
  });
}
