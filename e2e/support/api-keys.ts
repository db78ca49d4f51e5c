// The /api/v1 API as a script uses it: an API key made through the dashboard's session route, and
// requests that carry it, each answer checked against the app's OpenAPI document.
import { expect, request, type APIRequestContext, type APIResponse } from "@playwright/test";
import type { SignedIn } from "./api";
import { expectMatchesOpenApi, openApiDocument } from "./openapi";

/** POST /api/api-keys as `user`: the new key (shown this once) and its id. */
export async function createApiKey(
  user: SignedIn,
  data: { name?: string; tenants?: string[] } = {},
): Promise<{ id: string; key: string }> {
  const res = await user.http.post("/api/api-keys", { data: { name: "script", ...data } });
  expect(res.status()).toBe(201);
  const body = (await res.json()) as { id: string; key: string };
  expect(body.key).toMatch(/^zbk_[A-Za-z0-9_-]{43}$/);
  return body;
}

export interface V1Client {
  /** Sends the request; the answer must be documented for `template` (e.g. `/api/v1/tenants/{slug}`). */
  call(
    method: "GET" | "POST" | "DELETE",
    template: string,
    opts?: { path?: string; data?: unknown; headers?: Record<string, string> },
  ): Promise<{ res: APIResponse; body: unknown }>;
  http: APIRequestContext;
}

/** A client that sends `Authorization: Bearer <key>` (none when `key` is null). */
export async function v1Client(appUrl: string, key: string | null): Promise<V1Client> {
  const http = await request.newContext({
    baseURL: appUrl,
    extraHTTPHeaders: key ? { authorization: `Bearer ${key}` } : {},
  });
  const doc = await openApiDocument(appUrl);
  return {
    http,
    async call(method, template, opts = {}) {
      const res = await http.fetch(opts.path ?? template, {
        method,
        data: opts.data,
        headers: opts.headers,
      });
      return { res, body: await expectMatchesOpenApi(doc, method, template, res) };
    },
  };
}
