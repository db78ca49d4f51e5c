export const REQUEST_ID_HEADER = "x-request-id";

// Ids from a load balancer or a client are kept when they are plain and short enough to log safely.
const WELL_FORMED = /^[\w.:-]{8,128}$/;

/** The incoming request id when it is well formed, otherwise a new one. */
export function acceptOrCreateRequestId(incoming: string | null): string {
  return incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * The id proxy.ts gave this request (and returns as `x-request-id`). A request the proxy did not
 * see gets a fresh id, which still ties its log lines together.
 */
export function requestIdOf(req: Request): string {
  return acceptOrCreateRequestId(req.headers.get(REQUEST_ID_HEADER));
}
