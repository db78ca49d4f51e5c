import NextAuth, { type AuthOptions } from "next-auth";
import { toErrorResponse } from "@/lib/api/error-response";
import { refuseWhatNextAuthCannotAnswer } from "@/lib/auth/next-auth-guard";
import { authOptions } from "@/lib/auth/options";

type RouteHandler = (
  req: Request,
  ctx: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;
// next-auth v4 types its App Router handler as `any`; this is the shape it has.
const nextAuth = NextAuth as unknown as (options: AuthOptions) => RouteHandler;

// Options are built per request so configuration is read at run time, never at build time. An error
// next-auth lets escape is logged and answered like any route's (500 with the request id).
const handler: RouteHandler = async (req, ctx) => {
  const refusal = refuseWhatNextAuthCannotAnswer(req);
  if (refusal) return refusal;
  try {
    return await nextAuth(authOptions())(req, ctx);
  } catch (err) {
    return toErrorResponse(err, req);
  }
};

export { handler as GET, handler as POST };
