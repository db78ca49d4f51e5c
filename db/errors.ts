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
