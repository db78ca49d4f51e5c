import { findTenantForMember } from "@/db/queries/tenants";
import { hasRole } from "@/lib/auth/tenant-roles";
import { safeEqual } from "@/lib/crypto/digest";
import { storeConsent } from "@/lib/vault/grants";
import type { Vault } from "@/lib/vault/types";
import { ZoomInvalidGrantError, ZoomUnavailableError } from "@/lib/zoom/errors";
import type { ConnectAttempt } from "./attempt";

export type ConnectError =
  "expired" | "state_mismatch" | "access_denied" | "forbidden" | "zoom_unavailable" | "zoom_error";

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
}

/**
 * Finishes a connect attempt from Zoom's redirect. The attempt (from the cookie) must exist, belong
 * to the signed-in user, match the returned state, and the user must still manage the tenant.
 */
export async function completeConnect(
  vault: Vault,
  input: { query: CallbackQuery; attempt: ConnectAttempt | null; sessionUserId: string | null },
): Promise<{ slug: string | null; error: ConnectError | null }> {
  const { query, attempt } = input;
  if (!attempt) return { slug: null, error: "expired" };
  const fail = (error: ConnectError) => ({ slug: attempt.slug, error });
  if (!query.state || !safeEqual(query.state, attempt.state)) return fail("state_mismatch");
  if (input.sessionUserId !== attempt.userId) return fail("forbidden");
  if (query.error) return fail(query.error === "access_denied" ? "access_denied" : "zoom_error");
  if (!query.code) return fail("zoom_error");
  const tenant = await findTenantForMember(vault.db, attempt.slug, attempt.userId);
  if (!tenant || tenant.id !== attempt.tenantId || !hasRole(tenant.role, "admin"))
    return fail("forbidden");
  try {
    const tokens = await vault.zoom.exchangeCode(query.code, attempt.codeVerifier);
    const user = await vault.zoom.getMe(tokens.accessToken);
    await storeConsent(vault, { tenantId: tenant.id, userId: attempt.userId, tokens, user });
    return { slug: attempt.slug, error: null };
  } catch (err) {
    if (err instanceof ZoomUnavailableError) return fail("zoom_unavailable");
    // An expired or already used code: the person has to start again.
    if (err instanceof ZoomInvalidGrantError) return fail("expired");
    return fail("zoom_error");
  }
}
