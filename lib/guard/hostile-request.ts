import type { ApiErrorCode } from "@/lib/api/errors";

/** Why a request is refused before any route runs: a status, the API's error code and one line. */
export interface Refusal {
  status: number;
  code: ApiErrorCode;
  message: string;
  headers?: Record<string, string>;
}

/** The methods some route answers; anything else (TRACE, PROPFIND, …) is refused here. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export const MAX_URL_LENGTH = 4096;
export const MAX_SEGMENT_LENGTH = 256;
export const MAX_QUERY_VALUE_LENGTH = 2048;
/**
 * Past every route's cap (the largest is 64 KiB: Zoom's webhook, Attendee's callback). A declared
 * length past this is refused at the HTTP server before anything reads the body, and a body sent
 * without one is read no further than this there (lib/guard/streamed-body-cap.ts); Next's proxy
 * buffers at most as much (`proxyClientMaxBodySize`, next.config.mjs), and the handlers' readers
 * stop at their own caps.
 */
export const MAX_BODY_BYTES = 256 * 1024;

// C0 controls (NUL included) and DEL, once percent-decoded: never part of a slug, an id or a token.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Refuses what no route can answer sensibly and what the framework would otherwise turn into a 500:
 * odd methods (405), over-long URLs, path segments and query values (414), malformed
 * percent-encoding or control characters in the path or the query (400), and bodies declared larger
 * than any route accepts (413). `rawUrl` is the request URL as sent (still percent-encoded).
 */
export function refuseHostileRequest(
  method: string,
  rawUrl: string,
  contentLength: string | null,
): Refusal | null {
  if (!ALLOWED_METHODS.includes(method)) return methodNotAllowed(method);
  if (rawUrl.length > MAX_URL_LENGTH) return tooLong(`URL is longer than ${MAX_URL_LENGTH} bytes`);
  const { pathname, search } = new URL(rawUrl, "http://x");
  for (const segment of pathname.split("/")) {
    if (segment.length > MAX_SEGMENT_LENGTH)
      return tooLong(`A path segment is longer than ${MAX_SEGMENT_LENGTH} bytes`);
    const problem = decodingProblem(segment);
    if (problem) return badRequest(`Path ${problem}`);
  }
  for (const pair of search.slice(1).split("&")) {
    if (pair.length > MAX_QUERY_VALUE_LENGTH)
      return tooLong(`A query parameter is longer than ${MAX_QUERY_VALUE_LENGTH} bytes`);
    const problem = decodingProblem(pair.replaceAll("+", " "));
    if (problem) return badRequest(`Query string ${problem}`);
  }
  return refuseDeclaredBody(contentLength);
}

/** 405 with Allow, for a method no route answers. */
export function methodNotAllowed(method: string): Refusal {
  return {
    status: 405,
    code: "method_not_allowed",
    message: `Method ${method.slice(0, 20)} is not allowed`,
    headers: { allow: ALLOWED_METHODS.join(", ") },
  };
}

/** 413 for a body whose declared length is past MAX_BODY_BYTES. */
export function refuseDeclaredBody(contentLength: string | null | undefined): Refusal | null {
  if (Number(contentLength ?? 0) <= MAX_BODY_BYTES) return null;
  return { status: 413, code: "payload_too_large", message: "Body is too large" };
}

function decodingProblem(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return "is not valid percent-encoded UTF-8";
  }
  return CONTROL.test(decoded) ? "contains control characters" : null;
}

function tooLong(message: string): Refusal {
  return { status: 414, code: "uri_too_long", message };
}

function badRequest(message: string): Refusal {
  return { status: 400, code: "bad_request", message };
}

// next-auth reads its POST bodies as forms; other types reach code paths that throw.
const FORM = "application/x-www-form-urlencoded";

/** 415 for a POST to next-auth's routes (sign-in, callback, sign-out) that is not a form. */
export function refuseNonFormAuthPost(
  method: string,
  pathname: string,
  contentType: string | null,
): Refusal | null {
  if (method !== "POST" || !pathname.startsWith("/api/auth/")) return null;
  if (contentType?.split(";", 1)[0]?.trim().toLowerCase() === FORM) return null;
  return {
    status: 415,
    code: "unsupported_media_type",
    message: `Content-Type must be ${FORM}`,
  };
}
