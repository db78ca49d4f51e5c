import { findTokenAccess } from "@/db/queries/url-secrets";
import { safeEqual } from "@/lib/crypto/digest";
import { sharedFailureLimiter } from "@/lib/rate-limit/failure-limiter";
import type { Vault } from "@/lib/vault/types";
import type { MintResult } from "./mint";
import { hashUrlSecret, isWellFormedUrlSecret } from "./url-secret";

// Wrong secrets per client address. 256-bit secrets make guessing hopeless; this mostly cuts noise.
const limiter = sharedFailureLimiter("url-secret", 20, 60_000);

// Unknown tenant, wrong secret and revoked secret get the same answer, so tenants cannot be discovered.
const BAD_SECRET: MintResult = {
  status: 401,
  outcome: "bad_secret",
  body: "Missing, invalid or revoked token",
};

export type UrlAccess = NonNullable<Awaited<ReturnType<typeof findTokenAccess>>>;

/**
 * The URL secret step every bot route starts with: refuses addresses with too many recent failures,
 * then finds the live secret for this tenant, with the tenant's connection and grant.
 */
export async function checkUrlSecret(
  vault: Vault,
  req: { slug: string; secret: string | null; clientIp: string | null },
): Promise<{ access: UrlAccess } | { refused: MintResult }> {
  const limiterKey = req.clientIp ?? "unknown";
  const blockedFor = limiter.retryAfter(limiterKey);
  if (blockedFor > 0) {
    return {
      refused: {
        status: 429,
        outcome: "rate_limited",
        body: "Too many invalid tokens from this address; retry later",
        retryAfterSeconds: blockedFor,
      },
    };
  }
  const hash = req.secret && isWellFormedUrlSecret(req.secret) ? hashUrlSecret(req.secret) : null;
  const access = hash ? await findTokenAccess(vault.db, hash) : undefined;
  if (!hash || !access || access.slug !== req.slug || !safeEqual(access.secretHash, hash)) {
    limiter.recordFailure(limiterKey);
    return { refused: BAD_SECRET };
  }
  return { access };
}
