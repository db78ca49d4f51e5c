import { z } from "zod";
import { databaseOutage } from "@/db";
import { isLockContention } from "@/db/errors";
import { DecryptionError, UnknownKeyError } from "@/lib/crypto/aead";
import { ReauthRequiredError, RefreshPausedError } from "@/lib/vault/types";
import { PacingTimeoutError } from "@/lib/zoom-pacing/pacer";
import {
  ZoomInvalidAccessTokenError,
  ZoomInvalidGrantError,
  ZoomNotFoundError,
  ZoomRequestError,
  ZoomUnavailableError,
} from "@/lib/zoom/errors";
import { ApiError, describeZodError, statusOf, type ApiErrorCode } from "./errors";

export interface Failure {
  status: number;
  code: ApiErrorCode;
  /** One line that is safe to show a bot or a person: no tokens, secrets or driver messages. */
  message: string;
  retryAfter?: number;
}

/**
 * The one place a failure gets its status, code and wording, for the bot's plain-text answers and the
 * dashboard's JSON alike. Unknown errors are `internal`, with no detail.
 */
export function classify(err: unknown): Failure {
  if (err instanceof ApiError) {
    const { status, code, message, retryAfterSeconds } = err;
    return { status, code, message, retryAfter: retryAfterSeconds };
  }
  if (err instanceof z.ZodError)
    return { status: 400, code: "bad_request", message: describeZodError(err) };
  return classifyUpstream(err) ?? { status: 500, code: "internal", message: "Internal error" };
}

function classifyUpstream(err: unknown): Failure | undefined {
  const outage = databaseOutage(err);
  if (outage) {
    return fail(
      "database_unavailable",
      "The service cannot reach its database; retry shortly",
      outage.retryAfterSeconds,
    );
  }
  if (err instanceof UnknownKeyError) {
    // During a rolling key change another instance may hold the key; the operator must add it here.
    return fail(
      "undecryptable",
      "This connection's tokens are sealed with a key this server does not have",
      KEY_MISSING_RETRY_AFTER_SECONDS,
    );
  }
  if (err instanceof DecryptionError)
    return fail("undecryptable", "This connection's stored tokens cannot be decrypted");
  if (err instanceof ReauthRequiredError) {
    return fail("reauth_required", "The Zoom connection must be reconnected in the dashboard");
  }
  if (err instanceof RefreshPausedError) {
    return fail(
      "zoom_error",
      `${err.message}; the next refresh is allowed in ${err.retryAfterSeconds} s`,
      err.retryAfterSeconds,
    );
  }
  if (err instanceof PacingTimeoutError)
    return fail("zoom_unavailable", `${err.message}; retry later`, err.retryAfterSeconds);
  if (err instanceof ZoomUnavailableError) {
    const why =
      err.reason === "rate_limited" ? "Zoom is rate limiting requests" : "Zoom is not answering";
    return fail("zoom_unavailable", `${why}; retry shortly`, err.retryAfterSeconds);
  }
  // Zoom's 404 (code 3001) for a join token: Recall's contract asks for a 404 when none can be made.
  if (err instanceof ZoomNotFoundError) {
    return fail(
      "not_found",
      "Zoom has no join token for this meeting: it does not exist, is not the connected user's, or local recording is off",
    );
  }
  if (err instanceof ZoomRequestError)
    return fail("zoom_error", `Zoom refused the request: ${err.zoomMessage}`);
  if (err instanceof ZoomInvalidGrantError)
    return fail("zoom_error", `Zoom refused the grant: ${err.zoomReason}`);
  if (err instanceof ZoomInvalidAccessTokenError)
    // withAccessToken has already refreshed and retried once when this escapes.
    return fail("zoom_error", "Zoom refused a freshly refreshed access token");
  // Lock timeout, deadlock or serialization failure: rolled back, and trying again works.
  if (isLockContention(err)) {
    return fail(
      "busy",
      "Another request was changing the same data at the same moment; retry shortly",
      1,
    );
  }
  return undefined;
}

const KEY_MISSING_RETRY_AFTER_SECONDS = 30;

function fail(code: ApiErrorCode, message: string, retryAfter?: number): Failure {
  return { status: statusOf(code), code, message, retryAfter };
}
