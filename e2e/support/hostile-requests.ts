// fast-check arbitraries for requests to every route of the app: real and odd paths, methods,
// headers, content types and bodies. Used by the fuzz spec (e2e/api/fuzz.spec.ts).
import fc from "fast-check";
import type { RawRequest } from "./raw-http";

export interface FuzzContext {
  appUrl: string;
  /** Slugs that exist: the fuzzing user's own tenant and a connected tenant of another user. */
  slugs: string[];
  /** A valid URL secret of the connected tenant, sometimes presented. */
  urlSecret: string;
  /** The fuzzing user's session cookie (`name=value`), sent on some requests. */
  sessionCookie: string;
}

// Every route, with `{slug}` and `{id}` standing for a path segment the fuzzer picks.
const ROUTES = [
  "/api/zak/{slug}",
  "/api/obf/{slug}",
  "/api/join-token/{slug}",
  "/api/access-token/{slug}",
  "/api/attendee/{slug}",
  "/api/auth/csrf",
  "/api/auth/session",
  "/api/auth/providers",
  "/api/auth/signin",
  "/api/auth/signout",
  "/api/auth/callback/credentials",
  "/api/auth/{id}",
  "/api/cron/maintenance",
  "/api/health",
  "/api/metrics",
  "/api/signup",
  "/api/tenants",
  "/api/tenants/{slug}",
  "/api/tenants/{slug}/activity",
  "/api/tenants/{slug}/members",
  "/api/tenants/{slug}/members/{id}",
  "/api/tenants/{slug}/secrets",
  "/api/tenants/{slug}/secrets/{id}",
  "/api/tenants/{slug}/signing",
  "/api/tenants/{slug}/signing/secrets",
  "/api/tenants/{slug}/signing/secrets/{id}",
  "/api/tenants/{slug}/token-test",
  "/api/tenants/{slug}/zoom",
  "/api/tenants/{slug}/zoom/connect",
  "/api/zoom/callback",
  "/api/zoom/webhook",
  "/zoom-emulator/{id}",
  "/",
  "/sign-in",
  "/sign-up",
  "/tenants",
  "/tenants/{slug}",
  "/{id}",
];

// Raw (already encoded) segments that broke decoding or the database before.
const HOSTILE_SEGMENTS = [
  "%ZZ",
  "%C3%28",
  "%FF%FE",
  "%00",
  "a%00b",
  "%0A",
  "%1F",
  "%7F",
  "%",
  "%2",
  "%E2%82",
  "%2F",
  "%2e%2e",
  "..",
  "%F0%9F%92%A9",
  "%EF%BF%BF",
  "a".repeat(300),
  "",
];

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"];

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "text/plain",
  "application/xml",
  "application/octet-stream",
  "json",
  ";;;",
];

/** A path segment: raw hostile text, an encoded arbitrary string, or something slug-like. */
function segment(ctx: FuzzContext) {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_SEGMENTS),
    fc.constantFrom(...ctx.slugs),
    fc.string({ unit: "binary", maxLength: 40 }).map(encodeURIComponent),
    fc.stringMatching(/^[a-z0-9-]{1,45}$/),
    fc.uuid(),
  );
}

function query(ctx: FuzzContext) {
  const value = fc.oneof(
    fc.constantFrom(...HOSTILE_SEGMENTS, "a".repeat(2100), ctx.urlSecret, "zak_x"),
    fc.string({ unit: "binary", maxLength: 60 }).map(encodeURIComponent),
    fc.stringMatching(/^[0-9 -]{0,14}$/).map(encodeURIComponent),
  );
  const key = fc.constantFrom(
    "token",
    "meeting_id",
    "meeting_number",
    "bypass_waiting_room",
    "bot_id",
    "state",
    "code",
    "callbackUrl",
    "kind",
    "%ZZ",
    "x",
  );
  return fc
    .array(fc.tuple(key, value), { maxLength: 4 })
    .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""));
}

function body() {
  return fc.oneof(
    fc.constant(undefined),
    fc.json({ maxDepth: 3 }),
    fc.json({ maxDepth: 2 }).map((text) => text.slice(0, Math.max(1, text.length - 2))),
    fc.constantFrom(
      '{"email":"fuzz@example.com","password":"x"}',
      '{"name":"Fuzz","slug":"%00"}',
      '{"event":"app_deauthorized","payload":{}}',
      '{"callback_type":"zoom_tokens","meeting_url":"https://zoom.us/j/123"}',
      "email=a%40b.c&password=x&csrfToken=%ZZ",
      "--fuzz\r\nContent-Disposition: form-data\r\n\r\nbroken",
      "\u0000\u0001\u0002",
    ),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    fc.constant("x".repeat(70 * 1024)),
  );
}

function headers(ctx: FuzzContext) {
  return fc.record(
    {
      "content-type": fc.constantFrom(...CONTENT_TYPES),
      origin: fc.constantFrom(ctx.appUrl, "https://evil.example", "null"),
      "sec-fetch-site": fc.constantFrom("same-origin", "cross-site", "none"),
      cookie: fc.constantFrom(
        ctx.sessionCookie,
        "next-auth.session-token=forged; a=%ZZ",
        "next-auth.callback-url=%ZZ",
      ),
      authorization: fc.constantFrom(`Bearer ${ctx.urlSecret}`, "Bearer zak_x", "Basic Og==", "x"),
      "x-request-id": fc.constantFrom("fuzz-request-0001", "bad id!", "a".repeat(200)),
      accept: fc.constantFrom("text/html", "application/json", "text/x-component", "*/*"),
      "webhook-id": fc.constantFrom("msg_fuzz", ""),
      "x-zm-signature": fc.constantFrom("v0=00", ""),
      "x-zm-request-timestamp": fc.constantFrom("0", "9999999999", "x"),
      "x-forwarded-for": fc.ipV4(),
    },
    { requiredKeys: [] },
  );
}

/** One request to one of the app's routes, anything a client can send over well-framed HTTP/1.1. */
export function hostileRequest(ctx: FuzzContext): fc.Arbitrary<RawRequest> {
  const path = fc
    .tuple(fc.constantFrom(...ROUTES), segment(ctx), segment(ctx), query(ctx))
    .map(([route, slug, id, search]) => route.replace("{slug}", slug).replace("{id}", id) + search);
  return fc
    .record({
      method: fc.constantFrom(...METHODS),
      path,
      headers: headers(ctx),
      body: body(),
    })
    .map(({ method, path, headers, body }) =>
      method === "GET" || method === "HEAD" || body === undefined
        ? { method, path, headers }
        : { method, path, headers, body },
    );
}
