import type { Db } from "@/db/client";
import {
  claimConnectLink,
  findConnectLinkByHash,
  findConnectLinkById,
  findConnectReturnUrls,
  insertConnectLink,
  listOpenConnectLinks,
  revokeConnectLink,
  type ConnectLinkRow,
} from "@/db/queries/connect-links";
import { ApiError } from "@/lib/api/errors";
import { LINK_CREATOR_ROLES } from "./creator-role";
import { isAllowedReturnUrl } from "./return-url";
import type { CreateConnectLinkInput } from "./schemas";
import { generateLinkToken, hashLinkToken, isWellFormedLinkToken } from "./token";

/**
 * Why a link cannot be opened: `used` covers a consent in progress and one completed; `withdrawn`,
 * that whoever created it may no longer (its user was removed from the tenant or demoted below
 * admin, or its API key was revoked).
 */
export type ClosedLinkStatus = "used" | "expired" | "revoked" | "withdrawn";

export type LinkVerdict =
  | {
      status: "open";
      link: ConnectLinkRow;
      tenant: { id: string; slug: string; name: string };
    }
  | { status: ClosedLinkStatus; tenant: { name: string } }
  | { status: "invalid" };

function closedStatus(found: {
  link: ConnectLinkRow;
  expired: boolean;
  creatorEntitled: boolean;
}): ClosedLinkStatus | null {
  if (found.link.revokedAt) return "revoked";
  if (found.link.claimedAt || found.link.usedAt) return "used";
  if (found.expired) return "expired";
  if (!found.creatorEntitled) return "withdrawn";
  return null;
}

/** `${appUrl}/connect/<token>`: the one place the token exists outside the end user's browser. */
export function connectLinkUrl(appUrl: string, token: string): string {
  return `${appUrl}/connect/${token}`;
}

/**
 * A new link for the tenant. A return URL must match the tenant's allow-list (400 otherwise). The
 * URL carrying the token is returned here only; the database keeps its hash.
 */
export async function createConnectLink(
  db: Db,
  input: CreateConnectLinkInput & {
    tenantId: string;
    createdByUserId: string | null;
    /** The API key that asked for it, when one did (acting for createdByUserId). */
    createdByApiKeyId?: string;
    appUrl: string;
  },
): Promise<{ link: ConnectLinkRow; url: string }> {
  if (input.returnUrl !== undefined) {
    const allowed = await findConnectReturnUrls(db, input.tenantId);
    if (!isAllowedReturnUrl(input.returnUrl, allowed)) {
      throw new ApiError(
        "bad_request",
        "returnUrl: not allowed by this tenant's return URLs (same origin and path prefix)",
      );
    }
  }
  const { token, hash } = generateLinkToken();
  const link = await insertConnectLink(db, {
    tenantId: input.tenantId,
    createdByUserId: input.createdByUserId,
    createdByApiKeyId: input.createdByApiKeyId ?? null,
    tokenHash: hash,
    returnUrl: input.returnUrl ?? null,
    expiresInSeconds: input.expiresInSeconds,
  });
  return { link, url: connectLinkUrl(input.appUrl, token) };
}

/**
 * What a token opens. Malformed and unknown tokens are the same `invalid`, with no tenant named. A
 * link whose creator no longer may create links is `withdrawn`.
 */
export async function verifyConnectLink(db: Db, token: string): Promise<LinkVerdict> {
  if (!isWellFormedLinkToken(token)) return { status: "invalid" };
  const found = await findConnectLinkByHash(db, hashLinkToken(token), LINK_CREATOR_ROLES);
  if (!found) return { status: "invalid" };
  const closed = closedStatus(found);
  if (closed) return { status: closed, tenant: { name: found.tenant.name } };
  return { status: "open", link: found.link, tenant: found.tenant };
}

/** The tenant's links that can still be opened (withdrawn ones left out), newest first. */
export function listOpenLinks(db: Db, tenantId: string): Promise<ConnectLinkRow[]> {
  return listOpenConnectLinks(db, tenantId, LINK_CREATOR_ROLES);
}

/** Revokes an unclaimed link of the tenant; 404 when there is none. */
export async function revokeLink(db: Db, tenantId: string, id: string): Promise<void> {
  if (!(await revokeConnectLink(db, tenantId, id)))
    throw new ApiError("not_found", "No open connect link with this id");
}

export type LinkClaim =
  { claimed: true; createdByUserId: string | null } | { claimed: false; reason: ClosedLinkStatus };

/**
 * Takes the link for one code exchange (a compare-and-set that also checks its creator still may
 * create links), before any code is exchanged; when another tab or browser took it first, or it
 * expired, was revoked or withdrawn meanwhile, says which.
 */
export async function claimLink(db: Db, linkId: string, tenantId: string): Promise<LinkClaim> {
  const won = await claimConnectLink(db, linkId, tenantId, LINK_CREATOR_ROLES);
  if (won) return { claimed: true, createdByUserId: won.createdByUserId };
  const found = await findConnectLinkById(db, linkId, LINK_CREATOR_ROLES);
  const reason = found && found.link.tenantId === tenantId ? closedStatus(found) : null;
  return { claimed: false, reason: reason ?? "revoked" };
}
