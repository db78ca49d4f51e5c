import { z } from "zod";
import { databaseOutage } from "@/db";
import { isLockContention, sqlStateOf } from "@/db/errors";

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
  database_unavailable: 503,
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

/** JSON body `{ error: { code, message } }`. Lock contention is 503; unknown errors are logged and masked as 500. */
export function toErrorResponse(err: unknown): Response {
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
  const outage = databaseOutage(err);
  if (outage) {
    return toErrorResponse(
      new ApiError(
        "database_unavailable",
        "The service cannot reach its database; retry shortly.",
        {
          "Retry-After": String(outage.retryAfterSeconds),
        },
      ),
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
  // Name and SQLSTATE only: driver messages can quote query parameters, which may be secrets.
  const code = sqlStateOf(err);
  console.error(
    "[api] unexpected error:",
    err instanceof Error ? err.name : typeof err,
    code ? `(${code})` : "",
  );
  return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
}
