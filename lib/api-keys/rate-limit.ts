import type { Db } from "@/db/client";
import { ApiError } from "@/lib/api/errors";
import { consume, type LimitRule } from "@/lib/rate-limit/shared-limiter";

/** Requests per key, counted in the database so every instance shares one count. */
export const API_KEY_LIMIT: LimitRule = { points: 600, windowSeconds: 60 };

/** Spends one request of the key's minute; 429 with Retry-After once the minute's are spent. */
export async function throwIfOverLimit(db: Db, keyId: string): Promise<void> {
  const decision = await consume(db, `api-key:${keyId}`, API_KEY_LIMIT);
  if (!decision.allowed) {
    throw new ApiError(
      "rate_limited",
      `This API key made more than ${API_KEY_LIMIT.points} requests this minute; retry later`,
      Math.max(1, decision.retryAfterSeconds),
    );
  }
}
