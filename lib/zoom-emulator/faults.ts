import { rateLimitedResponse } from "./account-limits";
import { json } from "./http";
import { type Stats } from "./stats";
import { ENDPOINTS, FAULT_KINDS, type Clock, type Endpoint, type FaultSpec } from "./types";

/** Thrown by handle() when a fault asks to drop the connection; the node adapter destroys the socket. */
export class DroppedConnection extends Error {
  constructor() {
    super("Zoom emulator dropped the connection (fault injection)");
    this.name = "DroppedConnection";
  }
}

interface ActiveFault extends FaultSpec {
  remaining: number;
  /** Emulator time after which the fault no longer applies (forSeconds). */
  until: number;
}

export class Faults {
  private active: ActiveFault[] = [];

  constructor(private readonly clock: Clock) {}

  add(spec: FaultSpec): void {
    const timed = spec.forSeconds !== undefined;
    this.active.push({
      ...spec,
      remaining: timed ? Infinity : (spec.times ?? 1),
      until: timed ? this.clock.now() + spec.forSeconds! * 1000 : Infinity,
    });
  }

  clear(): void {
    this.active = [];
  }

  /** Consumes one use of the first fault matching this request. */
  take(endpoint: Endpoint, grantType?: string): FaultSpec | undefined {
    const now = this.clock.now();
    this.active = this.active.filter((f) => f.until > now);
    const fault = this.active.find(
      (f) => f.endpoint === endpoint && (!f.grantType || f.grantType === grantType),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active = this.active.filter((f) => f !== fault);
    return fault;
  }
}

/** Validates a fault from a JSON control body; returns an error message on bad input. */
export function parseFaultSpec(body: Record<string, unknown>): FaultSpec | string {
  const { endpoint, kind, latencyMs, times, forSeconds, grantType, status, retryAfterSeconds } =
    body;
  if (!ENDPOINTS.includes(endpoint as Endpoint))
    return `endpoint must be one of ${ENDPOINTS.join(", ")}`;
  if (!FAULT_KINDS.includes(kind as FaultSpec["kind"]))
    return `kind must be one of ${FAULT_KINDS.join(", ")}`;
  const isCount = (v: unknown) =>
    v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 0);
  if (!isCount(latencyMs) || !isCount(times) || !isCount(forSeconds) || !isCount(retryAfterSeconds))
    return "latencyMs, times, forSeconds, retryAfterSeconds must be non-negative integers";
  if (
    grantType !== undefined &&
    grantType !== "refresh_token" &&
    grantType !== "authorization_code"
  )
    return "grantType must be refresh_token or authorization_code";
  if (status !== undefined && status !== 500 && status !== 503) return "status must be 500 or 503";
  return { ...(body as unknown as FaultSpec) };
}

function faultResponse(fault: FaultSpec): Response {
  if (fault.kind === "rate_limit")
    return rateLimitedResponse("QPS", { "Retry-After": String(fault.retryAfterSeconds ?? 1) });
  const status = fault.status ?? 500;
  return json(status, {
    code: status,
    message: status === 503 ? "Service Unavailable" : "Internal Server Error",
  });
}

/** Counts the request, then applies a pending fault (if any) around the real handler. */
export async function guarded(
  deps: { faults: Faults; stats: Stats },
  endpoint: Endpoint,
  grantType: string | undefined,
  run: () => Promise<Response> | Response,
): Promise<Response> {
  deps.stats.request(endpoint);
  const fault = deps.faults.take(endpoint, grantType);
  if (!fault) return run();
  const wait = fault.latencyMs ?? (fault.kind === "latency" ? 1000 : 0);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  switch (fault.kind) {
    case "latency":
      return run();
    case "drop":
      throw new DroppedConnection();
    case "drop_after_commit":
      await run();
      throw new DroppedConnection();
    case "rate_limit":
      deps.stats.rateLimited("QPS");
      return faultResponse(fault);
    case "server_error":
      return faultResponse(fault);
  }
}
