import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/registry";
import { slugSchema } from "@/lib/tenants/slug";
import type { ApiErrorCode } from "@/lib/api/errors";
import type { Outcome, TokenKind } from "./mint";

export interface BotRequestRecord {
  /** The route, when not the ZAK URL's. */
  route?: string;
  requestId: string;
  slug: string;
  kind: TokenKind;
  outcome: Outcome | ApiErrorCode;
  status: number;
  durationMs: number;
  error?: unknown;
}

/** One log line and the metrics of a bot token request. The path's slug is logged only when valid. */
export function observeBotRequest(record: BotRequestRecord): void {
  const { kind, outcome, status, durationMs } = record;
  const metrics = getMetrics();
  metrics.botRequests.inc({ kind, outcome });
  metrics.botLatency.observe({ kind }, durationMs / 1000);
  const tenant = slugSchema.safeParse(record.slug);
  const line = {
    route: record.route ?? "GET /api/zak/[tenant]",
    requestId: record.requestId,
    tenant: tenant.success ? tenant.data : null,
    kind,
    outcome,
    status,
    durationMs: Math.round(durationMs),
    ...(record.error === undefined ? {} : { error: errorFields(record.error) }),
  };
  const level = outcome === "internal" ? "error" : status >= 500 ? "warn" : "info";
  getLogger()[level](line, "token request");
}
