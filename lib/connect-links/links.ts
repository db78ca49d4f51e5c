import type { Db } from "@/db/client";
import {
  claimConnectLink,
  findConnectLinkByHash,
  findConnectLinkById,
  findConnectReturnUrls,
  insertConnectLink,
  revokeConnectLink,
  type ConnectLinkRow,
} from "@/db/queries/connect-links";
import { ApiError } from "@/lib/api/errors";
import { isAllowedReturnUrl } from "./return-url";
import type { CreateConnectLinkInput } from "./schemas";
import { generateLinkToken, hashLinkToken, isWellFormedLinkToken } from "./token";

/** Why a link cannot be opened; `claimed` covers a consent in progress and one completed. */
export type ClosedLinkStatus = "used" | "expired" | "revoked";

export type LinkVerdict =
  | {
      status: "open";
      link: ConnectLinkRow;
      tenant: { id: string; slug: string; name: string };
    }
  | { status: ClosedLinkStatus; tenant: { name: string } }
  | { status: "invalid" };

function closedStatus(link: ConnectLinkRow, expired: boolean): ClosedLinkStatus | null {
  if (link.revokedAt) return "revoked";
  if (link.claimedAt || link.usedAt) return "used";
  if (expired) return "expired";
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

/** What a token opens. Malformed and unknown tokens are the same `invalid`, with no tenant named. */
export async function verifyConnectLink(db: Db, token: string): Promise<LinkVerdict> {
  if (!isWellFormedLinkToken(token)) return { status: "invalid" };
  const found = await findConnectLinkByHash(db, hashLinkToken(token));
  if (!found) return { status: "invalid" };
  const closed = closedStatus(found.link, found.expired);
  if (closed) return { status: closed, tenant: { name: found.tenant.name } };
  return { status: "open", link: found.link, tenant: found.tenant };
}

/** Revokes an unclaimed link of the tenant; 404 when there is none. */
export async function revokeLink(db: Db, tenantId: string, id: string): Promise<void> {
  if (!(await revokeConnectLink(db, tenantId, id)))
    throw new ApiError("not_found", "No open connect link with this id");
}

export type LinkClaim =
  { claimed: true; createdByUserId: string | null } | { claimed: false; reason: ClosedLinkStatus };

/**
 * Takes the link for one code exchange (a compare-and-set), before any code is exchanged; when
 * another tab or browser took it first, or it expired or was revoked meanwhile, says which.
 */
export async function claimLink(db: Db, linkId: string, tenantId: string): Promise<LinkClaim> {
  const won = await claimConnectLink(db, linkId, tenantId);
  if (won) return { claimed: true, createdByUserId: won.createdByUserId };
  const found = await findConnectLinkById(db, linkId);
  const reason =
    found && found.link.tenantId === tenantId ? closedStatus(found.link, found.expired) : null;
  return { claimed: false, reason: reason ?? "revoked" };
}
