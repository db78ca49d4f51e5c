import { NextResponse, type NextRequest } from "next/server";
import { outage, retryAfterSeconds } from "@/db/outage";
import { getConfig, type ZoomConfig } from "@/lib/config";
import { refuseHostileRequest, refuseNonFormAuthPost } from "@/lib/guard/hostile-request";
import { refusalResponse } from "@/lib/guard/refusal-response";
import { refuseCrossOrigin } from "@/lib/guard/same-origin";
import {
  API_CONTENT_SECURITY_POLICY,
  baseSecurityHeaders,
  createNonce,
  pageContentSecurityPolicy,
  zoomOAuthOrigins,
} from "@/lib/guard/security-headers";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/lib/log/request-id";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>Temporarily unavailable</h1><p>The service cannot reach its database right now. It reconnects by
itself; try again in a moment.</p></body></html>`;

/**
 * Runs before every route. Refuses, with a one-line reason, what no route should see: odd methods,
 * malformed or over-long URLs, oversized bodies (the HTTP server refuses declared ones first,
 * lib/http/request-guards.ts), non-form posts to next-auth (lib/guard/hostile-request.ts), and
 * state-changing requests from other origins (same-origin.ts). Gives every request an id: handlers
 * read it from the request header and log it, and the client gets it back as `x-request-id`. Pages
 * get a Content-Security-Policy with a fresh script nonce (Next reads it from the request's CSP
 * header) and forms limited to the app and Zoom's consent; every answer gets the base security
 * headers. While the database is known to be unreachable, pages get a plain 503 (API routes answer
 * outages themselves). Dashboard pages also get an optimistic redirect for visitors with no session
 * cookie at all, a convenience only: every page and route handler verifies the session and the
 * membership itself.
 */
export function proxy(req: NextRequest) {
  const requestId = acceptOrCreateRequestId(req.headers.get(REQUEST_ID_HEADER));
  const { appUrl, zoom } = getConfig();
  const { method, headers } = req;
  const { pathname } = req.nextUrl;
  const refusal =
    refuseHostileRequest(method, req.url, headers.get("content-length")) ??
    refuseCrossOrigin(method, pathname, headers, new URL(appUrl).origin) ??
    refuseNonFormAuthPost(method, pathname, headers.get("content-type"));
  const isApi = pathname.startsWith("/api/");
  const nonce = isApi ? null : createNonce();
  const csp =
    nonce === null
      ? API_CONTENT_SECURITY_POLICY
      : pageContentSecurityPolicy(nonce, {
          development: process.env.NODE_ENV === "development",
          zoomApiOrigin: new URL(zoom.apiUrl).origin,
          formTargets: isDemoEmulatorPage(pathname, zoom) ? null : zoomOAuthOrigins(zoom.oauthUrl),
        });
  const res = refusal
    ? refusalResponse(pathname, refusal)
    : isPageDuringOutage(req)
      ? unavailablePage()
      : needsSignIn(req)
        ? redirectToSignIn(req)
        : continueWith(req, {
            [REQUEST_ID_HEADER]: requestId,
            ...(nonce && { "x-nonce": nonce, "content-security-policy": csp }),
          });
  res.headers.set(REQUEST_ID_HEADER, requestId);
  res.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(appUrl)))
    res.headers.set(name, value);
  return res;
}

/** In demo mode, the emulated Zoom's pages, served by the app under the configured Zoom's path. */
function isDemoEmulatorPage(pathname: string, zoom: ZoomConfig): boolean {
  const mount = new URL(zoom.oauthUrl).pathname;
  return zoom.demo && (pathname === mount || pathname.startsWith(`${mount}/`));
}

function isPageDuringOutage(req: NextRequest): boolean {
  const { pathname } = req.nextUrl;
  const isFile = /\.[a-z0-9]+$/i.test(pathname);
  return outage.since !== null && !isFile && !pathname.startsWith("/api/");
}

function unavailablePage() {
  return new NextResponse(UNAVAILABLE_PAGE, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(retryAfterSeconds()),
    },
  });
}

function needsSignIn(req: NextRequest): boolean {
  const { pathname } = req.nextUrl;
  const dashboard =
    pathname === "/tenants" || pathname.startsWith("/tenants/") || pathname === "/api-keys";
  return dashboard && !SESSION_COOKIES.some((name) => req.cookies.has(name));
}

function redirectToSignIn(req: NextRequest) {
  const signIn = new URL("/sign-in", req.url);
  signIn.searchParams.set("callbackUrl", req.nextUrl.pathname);
  return NextResponse.redirect(signIn);
}

/** On to the route, with headers it reads: the request id, and a page's nonce and CSP. */
function continueWith(req: NextRequest, extra: Record<string, string>) {
  const headers = new Headers(req.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return NextResponse.next({ request: { headers } });
}

// Every page and API route; not Next's static assets.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
