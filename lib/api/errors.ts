import { z } from "zod";
import { isLockContention } from "@/db/errors";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import { requestIdOf } from "@/lib/log/request-id";

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  zoom_error: 502,
  zoom_unavailable: 503,
  busy: 503,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof STATUS;

/** An error a client can act on: its code maps to an HTTP status and its message is safe to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

/**
 * JSON body `{ error: { code, message } }`. Lock contention is 503; unknown errors are logged with
 * the request's id and path (never its query) and masked as 500 carrying that id.
 */
export function toErrorResponse(err: unknown, req?: Request): Response {
  if (err instanceof z.ZodError) {
    return Response.json(
      { error: { code: "bad_request", message: describeZodError(err) } },
      { status: 400 },
    );
  }
  if (err instanceof ApiError) {
    return Response.json(
      { error: { code: err.code, message: err.message } },
      { status: err.status, headers: err.headers },
    );
  }
  if (isLockContention(err)) {
    return toErrorResponse(
      new ApiError(
        "busy",
        "This collided with another change at the same moment and was not completed. Try again.",
        {
          "Retry-After": "1",
        },
      ),
    );
  }
  const requestId = req ? requestIdOf(req) : undefined;
  getLogger().error(
    { requestId, path: req && new URL(req.url).pathname, error: errorFields(err) },
    "unexpected error",
  );
  return Response.json(
    { error: { code: "internal", message: "Internal error", requestId } },
    { status: 500 },
  );
}
