import NextAuth, { type AuthOptions } from "next-auth";
import { authOptions } from "@/lib/auth/options";

type RouteHandler = (
  req: Request,
  ctx: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;
// next-auth v4 types its App Router handler as `any`; this is the shape it has.
const nextAuth = NextAuth as unknown as (options: AuthOptions) => RouteHandler;

// Options are built per request so configuration is read at run time, never at build time.
const handler: RouteHandler = (req, ctx) => nextAuth(authOptions())(req, ctx);

export { handler as GET, handler as POST };
