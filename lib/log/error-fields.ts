import { sqlStateOf } from "@/db/errors";

export interface ErrorFields {
  class: string;
  message?: string;
  sqlState?: string;
  stack?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
// Runs of 24+ token characters: ZAKs, JWTs, URL secrets, OAuth codes and client secrets look like this.
const TOKEN_LIKE = /[\w\-+/=~]{24,}/g;

/**
 * What may be logged about an error. Database errors give their SQLSTATE and no message, because
 * driver and query-builder messages quote query parameters; other messages are cut short with
 * token-like runs masked. The stack keeps only its frames, since its first line repeats the message.
 */
export function errorFields(err: unknown): ErrorFields {
  if (!(err instanceof Error)) return { class: typeof err };
  const frames = err.stack
    ?.split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
  const stack = frames ? { stack: frames } : {};
  const sqlState = [sqlStateOf(err), (err as { code?: unknown }).code].find(
    (code): code is string => typeof code === "string" && SQLSTATE.test(code),
  );
  if (sqlState || "query" in err) return { class: err.name, sqlState, ...stack };
  return {
    class: err.name,
    message: err.message.replace(TOKEN_LIKE, "[redacted]").slice(0, 300),
    ...stack,
  };
}
