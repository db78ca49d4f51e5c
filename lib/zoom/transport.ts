import { ZoomUnavailableError } from "./errors";
import { zoomErrorSchema } from "./schemas";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ZoomReply {
  status: number;
  body: unknown;
}

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * One HTTP exchange with Zoom, cut off after `timeoutMs` so a hung Zoom never hangs a bot.
 * Network failures, timeouts, 5xx and 429 become ZoomUnavailableError; other answers are returned.
 */
export async function send(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<ZoomReply> {
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  let text: string;
  try {
    // Racing the signal too covers fetch implementations that ignore it, and slow bodies.
    [res, text] = await Promise.race([
      fetchImpl(url, { ...init, signal, cache: "no-store", redirect: "manual" }).then(
        async (r) => [r, await r.text()] as const,
      ),
      new Promise<never>((_, reject) =>
        signal.addEventListener("abort", () => reject(signal.reason as Error), { once: true }),
      ),
    ]);
  } catch {
    // Timed out or the connection failed: either way the request may have reached Zoom.
    throw new ZoomUnavailableError(
      signal.aborted ? "timeout" : "network",
      DEFAULT_RETRY_AFTER_SECONDS,
    );
  }
  if (res.status === 429)
    throw new ZoomUnavailableError("rate_limited", parseRetryAfter(res.headers.get("retry-after")));
  if (res.status >= 500)
    throw new ZoomUnavailableError("server_error", DEFAULT_RETRY_AFTER_SECONDS);
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text; callers validate the shape they expect
  }
  return { status: res.status, body };
}

/** Zoom sends Retry-After as seconds, or as an ISO date for the daily limit. */
export function parseRetryAfter(value: string | null, now = Date.now()): number {
  if (!value) return DEFAULT_RETRY_AFTER_SECONDS;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const at = Date.parse(value);
  return Number.isFinite(at)
    ? Math.max(1, Math.ceil((at - now) / 1000))
    : DEFAULT_RETRY_AFTER_SECONDS;
}

export function errorDetails(body: unknown): {
  reason: string;
  error: string;
  code?: number;
  message: string;
} {
  const parsed = zoomErrorSchema.safeParse(body);
  const data = parsed.success ? parsed.data : {};
  return {
    reason: data.reason ?? "",
    error: data.error ?? "",
    code: data.code,
    message: data.message ?? data.reason ?? "unexpected answer",
  };
}
