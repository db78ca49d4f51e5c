import { findTenantIdBySlug } from "@/db/queries/tenants";
import { touchTokenServed } from "@/db/queries/connections";
import { insertTokenRequest } from "@/db/queries/token-requests";
import { findTokenAccess, touchUrlSecret } from "@/db/queries/url-secrets";
import { safeEqual } from "@/lib/crypto/digest";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import type { Vault } from "@/lib/vault/types";
import { sharedFailureLimiter } from "@/lib/rate-limit/failure-limiter";
import { callerIdOf, parseMintOptions } from "./bot-query";
import { KIND_LABELS, type TokenKind } from "./kinds";
import { mintToken, type MintOptions, type MintResult } from "./mint";
import { hashUrlSecret, isWellFormedUrlSecret } from "./url-secret";

// Wrong secrets per client address. 256-bit secrets make guessing hopeless; this mostly cuts noise.
const limiter = sharedFailureLimiter("url-secret", 20, 60_000);

// Unknown tenant, wrong secret and revoked secret get the same answer, so tenants cannot be discovered.
const BAD_SECRET: MintResult = {
  status: 401,
  outcome: "bad_secret",
  body: "Missing, invalid or revoked token",
};

export interface BotTokenRequest {
  slug: string;
  secret: string | null;
  kind: TokenKind;
  clientIp: string | null;
  /** The request's headers: the caller id (and platform signatures) travel there. */
  headers: Headers;
  /** The query string: meeting_id / meeting_number, bypass_waiting_room, bot ids; the rest is ignored. */
  params: URLSearchParams;
}

type TokenAccess = NonNullable<Awaited<ReturnType<typeof findTokenAccess>>>;

/** Who the audit row is about. */
interface Requester {
  clientIp: string | null;
  callerId: string | null;
}

/** The bot-facing flow: check the URL secret and its kinds, mint a fresh token, record the request. */
export async function serveTokenRequest(vault: Vault, req: BotTokenRequest): Promise<MintResult> {
  const started = performance.now();
  const who: Requester = { clientIp: req.clientIp, callerId: callerIdOf(req.headers, req.params) };
  const checked = await checkSecret(vault, req, req.kind, who, started);
  if (!checked.ok) return checked.refused;
  const { access } = checked;

  const result = await tokenFor(vault, access, req.kind, parseMintOptions(req.kind, req.params));
  await audit(vault, { kind: req.kind, ...who }, access, result, started);
  return result;
}

export interface TokenBundleRequest extends Pick<BotTokenRequest, "slug" | "secret" | "clientIp"> {
  /** The caller's own id, already passed through sanitizeCallerId (bot-query.ts). */
  callerId: string | null;
  /** At least one. */
  kinds: { kind: TokenKind; options: MintOptions }[];
}

export type TokenBundleResult =
  | { ok: false; refused: MintResult }
  | { ok: true; results: { kind: TokenKind; result: MintResult }[] };

/**
 * Several kinds for one tenant after one secret check (a platform that asks for all its tokens in one
 * request). Refused as a whole only for a bad secret or the rate limit; each kind's own answer,
 * a 403 for a kind the secret may not fetch included, is in `results`, and each is audited.
 */
export async function serveTokenBundle(
  vault: Vault,
  req: TokenBundleRequest,
): Promise<TokenBundleResult> {
  const started = performance.now();
  const who: Requester = { clientIp: req.clientIp, callerId: req.callerId };
  const checked = await checkSecret(vault, req, req.kinds[0]?.kind ?? "zak", who, started);
  if (!checked.ok) return checked;
  const { access } = checked;
  const results = await Promise.all(
    req.kinds.map(async ({ kind, options }) => {
      const result = await tokenFor(vault, access, kind, { ok: true, options });
      await audit(vault, { kind, ...who }, access, result, started);
      return { kind, result };
    }),
  );
  return { ok: true, results };
}

/** The rate limit and the secret: the same 401 for an unknown tenant, a wrong or a revoked secret. */
async function checkSecret(
  vault: Vault,
  req: Pick<BotTokenRequest, "slug" | "secret" | "clientIp">,
  kind: TokenKind,
  who: Requester,
  started: number,
): Promise<{ ok: true; access: TokenAccess } | { ok: false; refused: MintResult }> {
  const limiterKey = req.clientIp ?? "unknown";
  const blockedFor = limiter.retryAfter(limiterKey);
  if (blockedFor > 0) {
    const result: MintResult = {
      status: 429,
      outcome: "rate_limited",
      body: "Too many invalid tokens from this address; retry later",
      retryAfterSeconds: blockedFor,
    };
    return { ok: false, refused: await refuse(vault, req.slug, kind, who, result, started) };
  }

  const hash = req.secret && isWellFormedUrlSecret(req.secret) ? hashUrlSecret(req.secret) : null;
  const access = hash ? await findTokenAccess(vault.db, hash) : undefined;
  if (!hash || !access || access.slug !== req.slug || !safeEqual(access.secretHash, hash)) {
    limiter.recordFailure(limiterKey);
    return { ok: false, refused: await refuse(vault, req.slug, kind, who, BAD_SECRET, started) };
  }
  return { ok: true, access };
}

/** One kind for a checked secret: 403 when the secret may not fetch it, 400 for a malformed query. */
function tokenFor(
  vault: Vault,
  access: TokenAccess,
  kind: TokenKind,
  query: ReturnType<typeof parseMintOptions>,
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
async function refuse(
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
    }),
  ];
  if (who.secretId) writes.push(touchUrlSecret(vault.db, who.secretId));
  if (result.status === 200 && who.tenantId) writes.push(touchTokenServed(vault.db, who.tenantId));
  // A failed audit write must not take the token away from a bot that is about to join a meeting.
  await Promise.all(writes).catch((err: unknown) =>
    getLogger().error({ error: errorFields(err) }, "token request audit write failed"),
  );
}
