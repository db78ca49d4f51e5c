import { markConnectLinkUsed, releaseConnectLinkClaim } from "@/db/queries/connect-links";
import { findTenantForMember } from "@/db/queries/tenants";
import { hasRole } from "@/lib/auth/tenant-roles";
import { claimLink } from "@/lib/connect-links/links";
import { safeEqual } from "@/lib/crypto/digest";
import { storeConsent } from "@/lib/vault/grants";
import type { Vault } from "@/lib/vault/types";
import { ZoomInvalidGrantError, ZoomUnavailableError } from "@/lib/zoom/errors";
import { isLinkAttempt, type ConnectAttempt } from "./attempt";

export type ConnectError =
  | "expired"
  | "state_mismatch"
  | "access_denied"
  | "forbidden"
  | "zoom_unavailable"
  | "zoom_error"
  | "link_used"
  | "link_expired"
  | "link_revoked"
  | "link_withdrawn";

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
}

/** Who may finish the attempt: the user who started it, or whoever holds the link's claim. */
type Acting =
  | { ok: true; connectedBy: string | null; linkId: string | null }
  | { ok: false; error: ConnectError };

/**
 * Finishes a connect attempt from Zoom's redirect. The attempt (from the cookie) must exist and match
 * the returned state. A dashboard attempt must belong to the signed-in user, who must still manage
 * the tenant; a connect-link attempt claims its link (once, before the code exchange) instead, which
 * fails, with nothing stored, when the link's creator may no longer create links (`link_withdrawn`).
 */
export async function completeConnect(
  vault: Vault,
  input: { query: CallbackQuery; attempt: ConnectAttempt | null; sessionUserId: string | null },
): Promise<{ slug: string | null; error: ConnectError | null }> {
  const { query, attempt } = input;
  if (!attempt) return { slug: null, error: "expired" };
  const fail = (error: ConnectError) => ({ slug: attempt.slug, error });
  if (!query.state || !safeEqual(query.state, attempt.state)) return fail("state_mismatch");
  if (!isLinkAttempt(attempt) && input.sessionUserId !== attempt.userId) return fail("forbidden");
  if (query.error) return fail(query.error === "access_denied" ? "access_denied" : "zoom_error");
  if (!query.code) return fail("zoom_error");
  const acting = await actingFor(vault, attempt);
  if (!acting.ok) return fail(acting.error);
  try {
    const tokens = await vault.zoom.exchangeCode(query.code, attempt.codeVerifier);
    const user = await vault.zoom.getMe(tokens.accessToken);
    await storeConsent(vault, {
      tenantId: attempt.tenantId,
      userId: acting.connectedBy,
      tokens,
      user,
    });
    if (acting.linkId) await markConnectLinkUsed(vault.db, acting.linkId);
    return { slug: attempt.slug, error: null };
  } catch (err) {
    // Nothing was stored: the link may be tried again.
    if (acting.linkId) await releaseConnectLinkClaim(vault.db, acting.linkId);
    if (err instanceof ZoomUnavailableError) return fail("zoom_unavailable");
    // An expired or already used code: the person has to start again.
    if (err instanceof ZoomInvalidGrantError) return fail("expired");
    return fail("zoom_error");
  }
}

async function actingFor(vault: Vault, attempt: ConnectAttempt): Promise<Acting> {
  if (isLinkAttempt(attempt)) {
    const claim = await claimLink(vault.db, attempt.linkId, attempt.tenantId);
    if (!claim.claimed) return { ok: false, error: `link_${claim.reason}` };
    // The link's creator stands for the end user, who has no account.
    return { ok: true, connectedBy: claim.createdByUserId, linkId: attempt.linkId };
  }
  const tenant = await findTenantForMember(vault.db, attempt.slug, attempt.userId);
  if (!tenant || tenant.id !== attempt.tenantId || !hasRole(tenant.role, "admin"))
    return { ok: false, error: "forbidden" };
  return { ok: true, connectedBy: attempt.userId, linkId: null };
}
