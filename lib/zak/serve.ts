import { findTenantIdBySlug } from "@/db/queries/tenants";
import { touchTokenServed } from "@/db/queries/connections";
import { insertTokenRequest } from "@/db/queries/token-requests";
import { findTokenAccess, touchUrlSecret } from "@/db/queries/url-secrets";
import { safeEqual } from "@/lib/crypto/digest";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import type { Vault } from "@/lib/vault/types";
import { sharedFailureLimiter } from "@/lib/rate-limit/failure-limiter";
import { mintToken, type MintResult, type TokenKind } from "./mint";
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
}

/** The bot-facing flow: check the URL secret, mint a fresh token, record the request. */
export async function serveTokenRequest(vault: Vault, req: BotTokenRequest): Promise<MintResult> {
  const started = performance.now();
  const limiterKey = req.clientIp ?? "unknown";
  const blockedFor = limiter.retryAfter(limiterKey);
  if (blockedFor > 0) {
    const result: MintResult = {
      status: 429,
      outcome: "rate_limited",
      body: "Too many invalid tokens from this address; retry later",
      retryAfterSeconds: blockedFor,
    };
    return refuse(vault, req, result, started);
  }

  const hash = req.secret && isWellFormedUrlSecret(req.secret) ? hashUrlSecret(req.secret) : null;
  const access = hash ? await findTokenAccess(vault.db, hash) : undefined;
  if (!hash || !access || access.slug !== req.slug || !safeEqual(access.secretHash, hash)) {
    limiter.recordFailure(limiterKey);
    return refuse(vault, req, BAD_SECRET, started);
  }

  const result = await mintToken(vault, req.kind, access.connection, access.grant);
  await audit(
    vault,
    req,
    { tenantId: access.tenantId, secretId: access.secretId },
    result,
    started,
  );
  return result;
}

/** Records a refused request under the tenant named in the path, when it exists. */
async function refuse(
  vault: Vault,
  req: BotTokenRequest,
  result: MintResult,
  started: number,
): Promise<MintResult> {
  await audit(
    vault,
    req,
    { tenantId: await findTenantIdBySlug(vault.db, req.slug), secretId: null },
    result,
    started,
  );
  return result;
}

/** Records a token request: never the token, the secret or the query string. */
export async function audit(
  vault: Vault,
  req: Pick<BotTokenRequest, "kind" | "clientIp"> & { source?: "bot" | "dashboard" },
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
    }),
  ];
  if (who.secretId) writes.push(touchUrlSecret(vault.db, who.secretId));
  if (result.status === 200 && who.tenantId) writes.push(touchTokenServed(vault.db, who.tenantId));
  // A failed audit write must not take the token away from a bot that is about to join a meeting.
  await Promise.all(writes).catch((err: unknown) =>
    getLogger().error({ error: errorFields(err) }, "token request audit write failed"),
  );
}
