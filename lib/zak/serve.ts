import { findTenantIdBySlug } from "@/db/queries/tenants";
import { touchTokenServed } from "@/db/queries/connections";
import { insertTokenRequest } from "@/db/queries/token-requests";
import { touchUrlSecret } from "@/db/queries/url-secrets";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import { checkPlatformSignature } from "@/lib/signatures/recall";
import type { Vault } from "@/lib/vault/types";
import { callerIdOf, parseMintOptions } from "./bot-query";
import { KIND_LABELS, type TokenKind } from "./kinds";
import { mintToken, type MintOptions, type MintResult } from "./mint";
import { checkUrlSecret, type UrlAccess } from "./url-access";

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
  if ("refused" in checked) return refuse(vault, req.slug, req.kind, who, checked.refused, started);
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
  return mintToken(vault, kind, access.connection, access.grant, query.options);
}

/** Records a refused request under the tenant named in the path, when it exists. */
export async function refuse(
  vault: Vault,
  slug: string,
  kind: TokenKind,
  who: Requester,
  result: MintResult,
  started: number,
): Promise<MintResult> {
  const tenantId = await findTenantIdBySlug(vault.db, slug);
  await audit(vault, { kind, ...who }, { tenantId, secretId: null }, result, started);
  return result;
}

/** Records a token request: never the token, the secret or the query string. */
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
  const writes: Promise<unknown>[] = [
    insertTokenRequest(vault.db, {
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
    }),
  ];
  if (who.secretId) writes.push(touchUrlSecret(vault.db, who.secretId));
  if (result.status === 200 && who.tenantId) writes.push(touchTokenServed(vault.db, who.tenantId));
  // A failed audit write must not take the token away from a bot that is about to join a meeting.
  await Promise.all(writes).catch((err: unknown) =>
    getLogger().error({ error: errorFields(err) }, "token request audit write failed"),
  );
}
