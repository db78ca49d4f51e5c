import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import { getMetrics } from "@/lib/metrics/registry";
import { slugSchema } from "@/lib/tenants/slug";
import { classify, type Failure } from "@/lib/api/classify";
import type { ApiErrorCode } from "@/lib/api/errors";
import { KIND_PATHS, type TokenKind } from "./kinds";
import type { Outcome } from "./mint";

export interface BotRequestRecord {
  /** The route, when it is not the kind's own GET URL (Attendee's callback). */
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
    route: record.route ?? `GET ${KIND_PATHS[kind]}/[tenant]`,
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

/**
 * A failure outside minting (bad input, the database unreachable, a bug): classified once, observed,
 * and worded for the caller; an unexpected error's answer carries only the request id.
 */
export function observeBotFailure(
  err: unknown,
  observed: Pick<BotRequestRecord, "route" | "requestId" | "slug" | "kind">,
  started: number,
): Failure {
  const failure = classify(err);
  const internal = failure.code === "internal";
  observeBotRequest({
    ...observed,
    outcome: failure.code,
    status: failure.status,
    durationMs: performance.now() - started,
    error: internal ? err : undefined,
  });
  if (!internal) return failure;
  return {
    ...failure,
    message: `Internal error (request id ${observed.requestId}); retry shortly`,
  };
}
