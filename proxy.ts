import { NextResponse, type NextRequest } from "next/server";
import { outage, retryAfterSeconds } from "./db/outage";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

const UNAVAILABLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
<h1>Temporarily unavailable</h1><p>The service cannot reach its database right now. It reconnects by
itself; try again in a moment.</p></body></html>`;

export function proxy(req: NextRequest) {
  // While the database is known to be unreachable, pages get a plain 503 instead of a failed render.
  if (outage.since !== null) {
    return new NextResponse(UNAVAILABLE_PAGE, {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        "retry-after": String(retryAfterSeconds()),
      },
    });
  }
  // An optimistic redirect for visitors with no session cookie at all. It is a convenience only:
  // every page and route handler verifies the session and the membership itself.
  if (!req.nextUrl.pathname.startsWith("/tenants")) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => req.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", req.url);
  signIn.searchParams.set("callbackUrl", req.nextUrl.pathname);
  return NextResponse.redirect(signIn);
}

// Pages only: API routes answer outages themselves (JSON or plain text, with Retry-After).
export const config = {
  matcher: ["/((?!api/|_next/|zoom-emulator|favicon.ico|icon|apple-touch-icon|logo).*)"],
};
