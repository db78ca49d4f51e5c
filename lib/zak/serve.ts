import { findTenantIdBySlug } from "@/db/queries/tenants";
import { recordTokenRequest } from "@/db/queries/token-requests";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import { checkPlatformSignature } from "@/lib/signatures/recall";
import { slugSchema } from "@/lib/tenants/slug";
import type { Vault } from "@/lib/vault/types";
import { callerIdOf, parseMintOptions } from "./bot-query";
import { KIND_LABELS, type TokenKind } from "./kinds";
import { mintToken, type MintOptions, type MintResult } from "./mint";
import { checkUrlSecret, type UrlAccess, type UrlRefusal } from "./url-access";

export interface BotTokenRequest {
  slug: string;
  secret: string | null;
  kind: TokenKind;
  clientIp: string | null;
  /** The request's headers: the caller id and Recall's signature travel there. */
  headers: Headers;
  /** The query string: meeting_id / meeting_number, bypass_waiting_room, bot ids; the rest is ignored. */
  params: URLSearchParams;
}

/** Who the audit row is about. */
export interface Requester {
  clientIp: string | null;
  callerId: string | null;
}

/**
 * The bot-facing flow: check the URL secret, Recall's signature and the secret's kinds, mint a fresh
 * token, record the request.
 */
export async function serveTokenRequest(vault: Vault, req: BotTokenRequest): Promise<MintResult> {
  const started = performance.now();
  const who: Requester = { clientIp: req.clientIp, callerId: callerIdOf(req.headers, req.params) };
  const checked = await checkUrlSecret(vault, req);
  if ("refused" in checked) return refuse(vault, req.slug, req.kind, who, checked, started);
  const { access } = checked;

  const result =
    (await checkPlatformSignature(vault, access, req)) ??
    (await tokenFor(vault, access, req.kind, parseMintOptions(req.kind, req.params)));
  await audit(vault, { kind: req.kind, ...who }, access, result, started);
  return result;
}

/** One kind for a checked secret: 403 when the secret may not fetch it, 400 for a malformed query. */
export function tokenFor(
  vault: Vault,
  access: UrlAccess,
  kind: TokenKind,
  query: { ok: true; options: MintOptions } | { ok: false; message: string },
): Promise<MintResult> | MintResult {
  if (!access.kinds.includes(kind)) {
    return {
      status: 403,
      outcome: "kind_not_allowed",
      body: `This URL may not fetch ${KIND_LABELS[kind]}`,
    };
  }
  if (!query.ok) return { status: 400, outcome: "bad_request", body: query.message };
  if (access.grant) vault.pacer?.remember(access.grant.zoomAccountId, access.learnedZoomLimit);
  return mintToken(vault, kind, access.connection, access.grant, query.options);
}

/**
 * Records a refused secret under the tenant named in the path, when it is a valid slug that exists,
 * only for the sampled refusals (the first of each address and tenant per window): the refused path
 * stays one query and one upsert, and wrong secrets cannot flood a tenant's activity or the audit table.
 */
export async function refuse(
  vault: Vault,
  slug: string,
  kind: TokenKind,
  who: Requester,
  refusal: UrlRefusal,
  started: number,
): Promise<MintResult> {
  if (refusal.audited) {
    const tenantId = slugSchema.safeParse(slug).success
      ? await findTenantIdBySlug(vault.db, slug)
      : null;
    await audit(vault, { kind, ...who }, { tenantId, secretId: null }, refusal.refused, started);
  }
  return refusal.refused;
}

/**
 * Records a token request (never the token, the secret or the query string) with the "last used"
 * stamps of its secret and connection, in one statement.
 */
export async function audit(
  vault: Vault,
  req: {
    kind: TokenKind;
    clientIp: string | null;
    callerId?: string | null;
    source?: "bot" | "dashboard";
  },
  who: { tenantId: string | undefined | null; secretId: string | null },
  result: MintResult,
  started: number,
): Promise<void> {
  try {
    await recordTokenRequest(vault.db, {
      tenantId: who.tenantId ?? null,
      secretId: who.secretId,
      kind: req.kind,
      source: req.source ?? "bot",
      outcome: result.outcome,
      status: result.status,
      latencyMs: Math.round(performance.now() - started),
      clientIp: req.clientIp,
      callerId: req.callerId ?? null,
      pacedMs: result.pacedMs ?? 0,
    });
  } catch (err) {
    // A failed audit write must not take the token away from a bot that is about to join a meeting.
    getLogger().error({ error: errorFields(err) }, "token request audit write failed");
  }
}
