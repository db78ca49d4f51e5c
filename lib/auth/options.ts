import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { findUserByEmail } from "@/db/queries/users";
import { getConfig } from "@/lib/config";
import { getDb } from "@/db";
import { dummyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { clientIpOf } from "@/lib/api/client-ip";
import { nextAuthLogger } from "./next-auth-logger";
import { throttledSignInError } from "./sign-in-errors";
import { clearSignInFailures, recordSignInFailure, signInBlockedFor } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

export function authOptions(): NextAuthOptions {
  return {
    secret: getConfig().authSecret,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    logger: nextAuthLogger(),
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw, req) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const db = await getDb();
          const address = clientIpOf(new Headers(req.headers as Record<string, string>));
          // Known and unknown emails are throttled alike, so the refusal reveals no account.
          const blockedFor = await signInBlockedFor(db, email, address);
          if (blockedFor > 0) throw new Error(throttledSignInError(blockedFor));
          const user = await findUserByEmail(db, email);
          // Verify against a dummy hash for unknown emails so response time does not reveal accounts.
          const ok = await verifyPassword(
            password,
            user?.passwordHash ?? (await dummyPasswordHash()),
          );
          if (!user || !ok) {
            await recordSignInFailure(db, email, address);
            return null;
          }
          await clearSignInFailures(db, email, address);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
