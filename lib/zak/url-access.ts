import { findTokenAccess } from "@/db/queries/url-secrets";
import { safeEqual } from "@/lib/crypto/digest";
import { addressGroup } from "@/lib/http/peer-address";
import { consumeAll, type LimitRule } from "@/lib/rate-limit/shared-limiter";
import type { Vault } from "@/lib/vault/types";
import type { MintResult } from "./mint";
import { hashUrlSecret, isWellFormedUrlSecret } from "./url-secret";

/**
 * Wrong secrets per client address (IPv6 by /64) and tenant in the path: a stale URL of one tenant
 * slows that tenant's callers from that address only. 256-bit secrets make guessing hopeless; this
 * mostly cuts noise and load.
 */
export const WRONG_SECRETS_PER_TENANT: LimitRule = { points: 20, windowSeconds: 60 };
/** Wrong secrets per client address across every tenant, so walking tenants is slowed too. */
export const WRONG_SECRETS_PER_ADDRESS: LimitRule = { points: 100, windowSeconds: 60 };

// Unknown tenant, wrong secret and revoked secret get the same answer, so tenants cannot be discovered.
const BAD_SECRET: MintResult = {
  status: 401,
  outcome: "bad_secret",
  body: "Missing, invalid or revoked token",
};

export type UrlAccess = NonNullable<Awaited<ReturnType<typeof findTokenAccess>>>;

/** A refused secret; `audited` is true for the first failure of its address and tenant in a window. */
export interface UrlRefusal {
  refused: MintResult;
  audited: boolean;
}

/**
 * The URL secret step every bot route starts with. The secret is checked first, so a valid one is
 * never refused for other requests' failures; a wrong one counts against its address and tenant
 * (one statement) and is 429 with Retry-After beyond either limit.
 */
export async function checkUrlSecret(
  vault: Vault,
  req: { slug: string; secret: string | null; clientIp: string | null },
): Promise<{ access: UrlAccess } | UrlRefusal> {
  const hash = req.secret && isWellFormedUrlSecret(req.secret) ? hashUrlSecret(req.secret) : null;
  const access = hash ? await findTokenAccess(vault.db, hash) : undefined;
  if (hash && access && access.slug === req.slug && safeEqual(access.secretHash, hash))
    return { access };

  const address = req.clientIp ? addressGroup(req.clientIp) : "unknown";
  const [perTenant, perAddress] = await consumeAll(vault.db, [
    { key: `wrong-secret:${address}:${req.slug}`, rule: WRONG_SECRETS_PER_TENANT },
    { key: `wrong-secret:${address}`, rule: WRONG_SECRETS_PER_ADDRESS },
  ]);
  const retryAfterSeconds = Math.max(
    perTenant?.retryAfterSeconds ?? 0,
    perAddress?.retryAfterSeconds ?? 0,
  );
  const refused: MintResult =
    retryAfterSeconds > 0
      ? {
          status: 429,
          outcome: "rate_limited",
          body: "Too many invalid tokens from this address; retry later",
          retryAfterSeconds,
        }
      : BAD_SECRET;
  return { refused, audited: perTenant?.spent === 1 };
}
