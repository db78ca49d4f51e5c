import { bearerToken } from "@/lib/api/bearer";
import { safeEqual } from "@/lib/crypto/digest";

/** `/api/metrics` is off without METRICS_TOKEN, and then needs `Authorization: Bearer <METRICS_TOKEN>`. */
export function scrapeAccess(
  metricsToken: string | null,
  authorization: string | null,
): "disabled" | "denied" | "granted" {
  if (!metricsToken) return "disabled";
  const presented = bearerToken(authorization);
  return presented !== null && safeEqual(presented, metricsToken) ? "granted" : "denied";
}
