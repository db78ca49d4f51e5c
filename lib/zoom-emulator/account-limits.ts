import { json } from "./http";
import { type AccountRateLimit, type Clock, type RateLimitType } from "./types";

const MESSAGES: Record<RateLimitType, string> = {
  QPS: "You have reached the maximum per-second rate limit for this API. Try again later.",
  "Daily-limit":
    "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make the next request.",
};

/** Zoom's 429 (zoom-facts §8): its body, `X-RateLimit-Category/Type` and the given headers. */
export function rateLimitedResponse(type: RateLimitType, headers: Record<string, string>) {
  return json(
    429,
    { code: 429, message: MESSAGES[type] },
    { "X-RateLimit-Category": "Light", "X-RateLimit-Type": type, ...headers },
  );
}

const DAY_MS = 86_400_000;

/** Zoom's format: ISO 8601 without milliseconds. */
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

interface Usage {
  second: number;
  inSecond: number;
  day: number;
  inDay: number;
}

export type Admission =
  { refused: Response; type: RateLimitType } | { headers: Record<string, string> } | null;

/**
 * Per-account Light limits, as Zoom applies them to every API call of an account whatever the app:
 * a window per second of the emulator's clock (and optionally per UTC day). Accounts without a limit
 * are not counted and get no rate-limit headers.
 */
export class AccountLimits {
  private readonly limits = new Map<string, AccountRateLimit>();
  private readonly usage = new Map<string, Usage>();

  constructor(private readonly clock: Clock) {}

  set(accountId: string, limit: AccountRateLimit | null): void {
    if (limit) this.limits.set(accountId, limit);
    else this.limits.delete(accountId);
    this.usage.delete(accountId);
  }

  clear(): void {
    this.limits.clear();
    this.usage.clear();
  }

  /** Counts one call of the account: the 429 to answer, or the headers of a served answer. */
  admit(accountId: string): Admission {
    const limit = this.limits.get(accountId);
    if (!limit) return null;
    const now = this.clock.now();
    const second = Math.floor(now / 1000);
    const day = Math.floor(now / DAY_MS);
    const used = this.usage.get(accountId) ?? { second, inSecond: 0, day, inDay: 0 };
    if (used.second !== second) Object.assign(used, { second, inSecond: 0 });
    if (used.day !== day) Object.assign(used, { day, inDay: 0 });
    this.usage.set(accountId, used);
    if (limit.perDay !== undefined && used.inDay >= limit.perDay) {
      const headers = {
        "X-RateLimit-Limit": String(limit.perDay),
        "X-RateLimit-Remaining": "0",
        "Retry-After": isoSeconds((day + 1) * DAY_MS),
      };
      return { refused: rateLimitedResponse("Daily-limit", headers), type: "Daily-limit" };
    }
    if (used.inSecond >= limit.perSecond) {
      const headers = {
        "X-RateLimit-Limit": String(limit.perSecond),
        "X-RateLimit-Remaining": "0",
        "Retry-After": "1",
      };
      return { refused: rateLimitedResponse("QPS", headers), type: "QPS" };
    }
    used.inSecond += 1;
    used.inDay += 1;
    return {
      headers: {
        "X-RateLimit-Category": "Light",
        "X-RateLimit-Type": "QPS",
        "X-RateLimit-Limit": String(limit.perSecond),
        "X-RateLimit-Remaining": String(limit.perSecond - used.inSecond),
      },
    };
  }
}

/** Validates `POST /_emulator/rate-limits`; perSecond null removes the account's limit. */
export function parseAccountRateLimit(
  body: Record<string, unknown>,
): { accountId: string; limit: AccountRateLimit | null } | string {
  const { accountId, perSecond, perDay } = body;
  if (typeof accountId !== "string" || !accountId) return "accountId must be a non-empty string";
  const isPositive = (v: unknown): v is number =>
    typeof v === "number" && Number.isInteger(v) && v > 0;
  if (perSecond === null) return { accountId, limit: null };
  if (!isPositive(perSecond)) return "perSecond must be a positive integer, or null to remove";
  if (perDay !== undefined && !isPositive(perDay)) return "perDay must be a positive integer";
  return { accountId, limit: perDay === undefined ? { perSecond } : { perSecond, perDay } };
}
