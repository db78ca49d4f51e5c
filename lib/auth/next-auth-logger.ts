import type { LoggerInstance } from "next-auth";
import type { Logger } from "pino";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";

/**
 * The jose code (ERR_JWE_INVALID, ERR_JWT_EXPIRED, …) when next-auth's error is the client's doing:
 * a session cookie that does not open or is no longer valid (tampered, foreign, expired, sealed
 * with an older AUTH_SECRET), which next-auth answers as "no session". Null for any other error,
 * including one under the same code (the session callback throwing, say): that is the server's.
 */
function unreadableSessionCookie(code: string, err: unknown): string | null {
  const joseCode = (err as { code?: unknown } | undefined)?.code;
  return code === "JWT_SESSION_ERROR" &&
    typeof joseCode === "string" &&
    /^ERR_J(WE|WS|WT|OSE)_/.test(joseCode)
    ? joseCode
    : null;
}

/**
 * next-auth's `logger` option: its errors and warnings as lines of the product's logger. An
 * unreadable session cookie is one `warn` line with the code and the error's class and message, no
 * stack; any other error keeps its details (errorFields: masked message and stack frames). What
 * next-auth attaches besides the error is never logged, so a cookie or a token stays out. The code
 * is logged as `nextAuthCode`: the logger redacts any `code` (OAuth codes are secrets).
 */
export function nextAuthLogger(
  logger: () => Logger = getLogger,
): Pick<LoggerInstance, "error" | "warn"> {
  return {
    error(code, metadata) {
      const err = metadata instanceof Error ? metadata : metadata?.error;
      const name = String(code).slice(0, 64);
      const joseCode = unreadableSessionCookie(name, err);
      if (joseCode) {
        const { stack: _stack, ...brief } = errorFields(err);
        // The production build's minified jose classes have no name: the code says the same.
        const error = { ...brief, class: brief.class || joseCode };
        logger().warn({ nextAuthCode: name, error }, "next-auth: unreadable session cookie");
      } else {
        logger().error({ nextAuthCode: name, error: errorFields(err) }, "next-auth error");
      }
    },
    warn(code) {
      logger().warn({ nextAuthCode: String(code).slice(0, 64) }, "next-auth warning");
    },
  };
}
