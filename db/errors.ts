// drizzle wraps driver errors; the SQLSTATE sits on the cause (postgres.js and PGlite alike).
export function sqlStateOf(err: unknown): string | undefined {
  const code = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

// Lock timeout, deadlock, serialization failure: the transaction rolled back, and trying again works.
const CONTENTION_STATES = new Set(["55P03", "40P01", "40001"]);

export function isLockContention(err: unknown): boolean {
  const state = sqlStateOf(err);
  return state !== undefined && CONTENTION_STATES.has(state);
}

// The server is down, restarting, not accepting connections, or the database does not exist yet:
// waiting and trying again works, so callers answer 503 rather than 500.
const UNAVAILABLE_STATES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "3D000",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);
const UNAVAILABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  // postgres.js's own codes for a connection that failed, closed or was torn down.
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/** The error code that shows the database could not be reached (at start or later), if it was that. */
export function unreachableCodeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (
      typeof code === "string" &&
      (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))
    )
      return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function isDatabaseUnreachable(err: unknown): boolean {
  return unreachableCodeOf(err) !== undefined;
}
