// HTTP helpers for end-to-end tests: a signed-in user of the app, and the emulator's test controls.
import { randomBytes } from "node:crypto";
import { expect, request, type APIRequestContext, type APIResponse } from "@playwright/test";
import { basic } from "../../lib/zoom-emulator/test-helpers";
import {
  activityBody,
  createdSecret,
  csrfBody,
  emulatorStats,
  emulatorUsers,
  parseJson,
  zoomStatus,
} from "./schemas";
import type { Target } from "./targets";

export const uniqueEmail = (prefix = "user") =>
  `${prefix}-${randomBytes(5).toString("hex")}@example.com`;
export const uniqueSlug = (prefix = "t") => `${prefix}-${randomBytes(4).toString("hex")}`;
export const PASSWORD = "correct horse battery";

export interface SignedIn {
  http: APIRequestContext;
  email: string;
}

/** A new context that signed up and signed in through next-auth's credentials endpoint. */
export async function signedInUser(appUrl: string, email = uniqueEmail()): Promise<SignedIn> {
  const http = await request.newContext({ baseURL: appUrl, maxRedirects: 0 });
  const signup = await http.post("/api/signup", {
    data: { email, password: PASSWORD, name: "E2E User" },
  });
  expect(signup.status()).toBe(201);
  await signIn(http, email, PASSWORD);
  return { http, email };
}

export async function signIn(http: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await parseJson(await http.get("/api/auth/csrf"), csrfBody);
  return http.post("/api/auth/callback/credentials", { form: { csrfToken, email, password } });
}

export async function createTenant(user: SignedIn, slug = uniqueSlug()): Promise<string> {
  const res = await user.http.post("/api/tenants", { data: { name: `Tenant ${slug}`, slug } });
  expect(res.status()).toBe(201);
  return slug;
}

export interface ConsentOptions {
  decision?: "allow" | "deny";
  tamper?: (callback: URL) => void;
}

/**
 * Runs the connect flow over HTTP: our connect endpoint, the emulator's consent form, our callback.
 * Returns where the callback sent the person.
 */
export async function connectZoom(
  user: SignedIn,
  slug: string,
  zoomUser: { email: string; displayName?: string },
  opts: ConsentOptions = {},
): Promise<URL> {
  return consentAndReturn(
    user.http,
    await user.http.post(`/api/tenants/${slug}/zoom/connect`),
    zoomUser,
    opts,
  );
}

/**
 * From our 303 to Zoom's consent page: the emulator's consent form, then our callback (after
 * `tamper`, which may also just note the callback URL). Returns where the callback sent the person.
 */
export async function consentAndReturn(
  http: APIRequestContext,
  start: APIResponse,
  zoomUser: { email: string; displayName?: string },
  opts: ConsentOptions = {},
): Promise<URL> {
  const callback = await consentAtZoom(http, start, zoomUser, opts.decision);
  opts.tamper?.(callback);
  const done = await http.get(callback.toString());
  expect(done.status()).toBe(303);
  return new URL(done.headers()["location"]!);
}

/** From our 303 to Zoom's consent page through the emulator's consent form: the callback URL. */
export async function consentAtZoom(
  http: APIRequestContext,
  start: APIResponse,
  zoomUser: { email: string; displayName?: string },
  decision: "allow" | "deny" = "allow",
): Promise<URL> {
  expect(start.status()).toBe(303);
  const authorize = start.headers()["location"]!;
  const page = await http.get(authorize);
  const requestId = /name="request_id" value="([^"]+)"/.exec(await page.text())?.[1];
  expect(requestId, "consent page shows a request id").toBeTruthy();
  const consent = await http.post(authorize.replace(/\/oauth\/authorize\?.*$/, "/oauth/consent"), {
    form: {
      request_id: requestId!,
      decision,
      email: zoomUser.email,
      display_name: zoomUser.displayName ?? zoomUser.email.split("@")[0]!,
    },
  });
  return new URL(consent.headers()["location"]!);
}

export async function createZakUrl(
  user: SignedIn,
  slug: string,
  label = "bot",
): Promise<{ id: string; zakUrl: string }> {
  return createUrlSecret(user, slug, { label });
}

/** POST /api/tenants/:slug/secrets: a URL secret for `kinds` (default ZAK only), with its URLs. */
export async function createUrlSecret(
  user: SignedIn,
  slug: string,
  data: { label?: string; kinds?: string[] },
) {
  const res = await user.http.post(`/api/tenants/${slug}/secrets`, {
    data: { label: "bot", ...data },
  });
  expect(res.status()).toBe(201);
  return parseJson(res, createdSecret);
}

/** GET /api/tenants/:slug/zoom as `user`. */
export async function getZoomStatus(user: SignedIn, slug: string) {
  return parseJson(await user.http.get(`/api/tenants/${slug}/zoom`), zoomStatus);
}

/** GET /api/tenants/:slug/activity as `user`: the recent token requests, newest first. */
export async function getActivity(user: SignedIn, slug: string, kind?: string) {
  const query = kind ? `?kind=${kind}` : "";
  return (
    await parseJson(await user.http.get(`/api/tenants/${slug}/activity${query}`), activityBody)
  ).requests;
}

export interface FaultSpec {
  endpoint: "token" | "users_me" | "user_token" | "zak" | "jointoken" | "revoke";
  kind: "latency" | "rate_limit" | "server_error" | "drop" | "drop_after_commit";
  latencyMs?: number;
  times?: number;
  forSeconds?: number;
  status?: 500 | 503;
  grantType?: "refresh_token" | "authorization_code";
  retryAfterSeconds?: number;
}

export type EmulatorControls = ReturnType<typeof emulatorOf>;

/** The emulator's /_emulator controls. */
export function emulatorOf(target: Target) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${target.emulatorUrl}/_emulator${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    const answer: unknown = await res.json().catch(() => null);
    return { status: res.status, body: answer };
  };
  return {
    stats: async () => emulatorStats.parse((await call("GET", "/stats")).body),
    issuedToken: async (token: string) => call("POST", "/issued-token", { token }),
    users: async () => emulatorUsers.parse((await call("GET", "/users")).body).users,
    fault: (spec: FaultSpec) => call("POST", "/faults", spec),
    clearFaults: () => call("DELETE", "/faults"),
    deauthorize: (userIdOrEmail: string) =>
      call("POST", `/users/${encodeURIComponent(userIdOrEmail)}/deauthorize`),
    expireAccessTokens: () => call("POST", "/expire-access-tokens"),
    /** A new meeting hosted by the Zoom user; its 11-digit id. */
    createMeeting: async (userIdOrEmail: string) => {
      const res = await call("POST", `/users/${encodeURIComponent(userIdOrEmail)}/meetings`, {});
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    },
    /** The scopes the app's next consents are granted (tests restore them afterwards). */
    setClientScopes: (clientId: string, scopes: string[]) =>
      call("POST", `/clients/${encodeURIComponent(clientId)}/scopes`, { scopes }),
    urlValidation: () => call("POST", "/url-validation"),
    /** Zoom's per-account limits on the account's API calls (perSecond null removes them). */
    setRateLimit: (accountId: string, limit: { perSecond: number | null; perDay?: number }) =>
      call("POST", "/rate-limits", { accountId, ...limit }),
  };
}

/**
 * Authorizes a Zoom user for our app directly at the emulator, outside the app, as a second install
 * would. Zoom keeps one live token set per user per app, so this kills the tokens the app holds.
 */
export async function authorizeOutsideApp(
  target: Pick<Target, "appUrls" | "emulatorUrl">,
  zoomEmail: string,
  appId: { clientId: string; clientSecret: string },
) {
  const redirectUri = `${target.appUrls[0]}/api/zoom/callback`;
  const query = new URLSearchParams({
    response_type: "code",
    client_id: appId.clientId,
    redirect_uri: redirectUri,
    state: "outside",
  });
  const page = await fetch(`${target.emulatorUrl}/oauth/authorize?${query}`);
  const requestId = /name="request_id" value="([^"]+)"/.exec(await page.text())?.[1];
  expect(requestId, "emulator consent page has a request id").toBeTruthy();
  const consent = await fetch(`${target.emulatorUrl}/oauth/consent`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      request_id: requestId!,
      decision: "allow",
      email: zoomEmail,
      display_name: "Elsewhere",
    }),
  });
  const code = new URL(consent.headers.get("location") ?? "").searchParams.get("code");
  expect(code, "emulator redirected with a code").toBeTruthy();
  const token = await fetch(`${target.emulatorUrl}/oauth/token`, {
    method: "POST",
    headers: { authorization: basic(appId.clientId, appId.clientSecret) },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: code!,
      redirect_uri: redirectUri,
    }),
  });
  expect(token.status, "code exchanged at the emulator").toBe(200);
}
