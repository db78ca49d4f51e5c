// HTTP helpers for connect links: the customer creates a link with its session, and an end user
// with no account at all (a fresh request context) opens it and goes through Zoom's consent.
import { expect, request, type APIRequestContext } from "@playwright/test";
import { consentAndReturn, type ConsentOptions, type SignedIn } from "./api";
import { createdConnectLink, parseJson } from "./schemas";

/** POST /api/tenants/:slug/connect-links as `user`; expects 201. */
export async function createConnectLink(
  user: SignedIn,
  slug: string,
  data: { expiresInSeconds?: number; returnUrl?: string } = {},
) {
  const res = await user.http.post(`/api/tenants/${slug}/connect-links`, { data });
  expect(res.status(), await res.text()).toBe(201);
  return parseJson(res, createdConnectLink);
}

/** A request context with no session and no cookies: the person a link is sent to. */
export function endUser(appUrl: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL: appUrl, maxRedirects: 0 });
}

export const linkToken = (linkUrl: string) => new URL(linkUrl).pathname.split("/").at(-1)!;

/** The page's text; `/connect/<token>` always answers 200 and says what the link allows, or why not. */
export async function openLink(http: APIRequestContext, linkUrl: string): Promise<string> {
  const res = await http.get(new URL(linkUrl).pathname);
  expect(res.status()).toBe(200);
  return res.text();
}

/** The page's "Continue to Zoom": POST /api/connect/start with the link's token. */
export function startLink(http: APIRequestContext, token: string) {
  return http.post("/api/connect/start", { form: { token } });
}

/** Continue to Zoom, consent as `zoomUser`, and come back: where the callback sent the person. */
export async function connectThroughLink(
  http: APIRequestContext,
  linkUrl: string,
  zoomUser: { email: string; displayName?: string },
  opts: ConsentOptions = {},
): Promise<URL> {
  return consentAndReturn(http, await startLink(http, linkToken(linkUrl)), zoomUser, opts);
}
