import type { LoggerInstance } from "next-auth";
import type { Logger } from "pino";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";

/**
 * Whether next-auth's error is the client's doing: a session cookie that does not open or is no
 * longer valid (tampered, foreign, expired, sealed with an older AUTH_SECRET), which jose refuses
 * and next-auth answers as "no session". Any other error under the same code (the session callback
 * throwing, say) is the server's.
 */
function isUnreadableSessionCookie(code: string, err: unknown): boolean {
  const joseCode = (err as { code?: unknown } | undefined)?.code;
  return (
    code === "JWT_SESSION_ERROR" &&
    typeof joseCode === "string" &&
    /^ERR_J(WE|WS|WT|OSE)_/.test(joseCode)
  );
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
      if (isUnreadableSessionCookie(name, err)) {
        const { stack: _stack, ...brief } = errorFields(err);
        logger().warn({ nextAuthCode: name, error: brief }, "next-auth: unreadable session cookie");
      } else {
        logger().error({ nextAuthCode: name, error: errorFields(err) }, "next-auth error");
      }
    },
    warn(code) {
      logger().warn({ nextAuthCode: String(code).slice(0, 64) }, "next-auth warning");
    },
  };
}
