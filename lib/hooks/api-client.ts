/** An API failure carrying the server's `{error:{code,message}}`, safe to show as is. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: "Your session has ended. Sign in again.",
  403: "You do not have permission to do this.",
  404: "Not found.",
  429: "Too many requests. Wait a moment and try again.",
};

async function errorFrom(res: Response): Promise<ApiRequestError> {
  const body: unknown = await res.json().catch(() => null);
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const message =
    typeof error?.message === "string" && error.message
      ? error.message
      : (FALLBACK_MESSAGES[res.status] ?? `The server answered ${res.status}. Try again.`);
  return new ApiRequestError(
    message,
    res.status,
    typeof error?.code === "string" ? error.code : "unknown",
  );
}

/** Calls our JSON API with the session cookie; throws ApiRequestError on any non-2xx answer. */
export async function apiFetch<T>(
  path: string,
  init: { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers:
        init.body === undefined
          ? { accept: "application/json" }
          : { accept: "application/json", "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
  } catch {
    throw new ApiRequestError(
      "Could not reach the server. Check your connection and try again.",
      0,
      "network",
    );
  }
  if (!res.ok) throw await errorFrom(res);
  return (await res.json()) as T;
}

/** `/api/tenants/{slug}` plus an optional sub-path, with the slug encoded. */
export function tenantPath(slug: string, rest = ""): string {
  return `/api/tenants/${encodeURIComponent(slug)}${rest}`;
}
