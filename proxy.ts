import { NextResponse, type NextRequest } from "next/server";
import { outage, retryAfterSeconds } from "@/db/outage";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/lib/log/request-id";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>Temporarily unavailable</h1><p>The service cannot reach its database right now. It reconnects by
itself; try again in a moment.</p></body></html>`;

/**
 * Gives every request an id: handlers read it from the request header and log it, and the client
 * gets it back as `x-request-id`. While the database is known to be unreachable, pages get a plain
 * 503 (API routes answer outages themselves). Dashboard pages also get an optimistic redirect for
 * visitors with no session cookie at all, a convenience only: every page and route handler verifies
 * the session and the membership itself.
 */
export function proxy(req: NextRequest) {
  const requestId = acceptOrCreateRequestId(req.headers.get(REQUEST_ID_HEADER));
  const res = isPageDuringOutage(req)
    ? unavailablePage()
    : needsSignIn(req)
      ? redirectToSignIn(req)
      : continueWithId(req, requestId);
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
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

function continueWithId(req: NextRequest, requestId: string) {
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  return NextResponse.next({ request: { headers } });
}

// Every page and API route; not Next's static assets.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
