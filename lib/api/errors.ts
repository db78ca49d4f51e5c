import type { z } from "zod";

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  reauth_required: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  zoom_error: 502,
  zoom_unavailable: 503,
  busy: 503,
  database_unavailable: 503,
  undecryptable: 503,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof STATUS;

export function statusOf(code: ApiErrorCode): number {
  return STATUS[code];
}

/** An error a client can act on: its code maps to an HTTP status and its message is safe to show. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
  get status(): number {
    return statusOf(this.code);
  }
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}
