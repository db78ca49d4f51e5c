import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { findUserByEmail } from "@/db/queries/users";
import { getConfig } from "@/lib/config";
import { getDb } from "@/db";
import { dummyPasswordHash, verifyPassword } from "@/lib/crypto/password";
import { sharedFailureLimiter } from "@/lib/rate-limit/failure-limiter";
import { SIGN_IN_THROTTLED } from "./sign-in-errors";

// Wrong passwords per account: slows guessing one account's password from many addresses.
const signInFailures = sharedFailureLimiter("sign-in", 10, 15 * 60_000);

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
});

export function authOptions(): NextAuthOptions {
  return {
    secret: getConfig().authSecret,
    session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          // Known and unknown emails are throttled alike, so the refusal reveals no account.
          if (signInFailures.retryAfter(email) > 0) throw new Error(SIGN_IN_THROTTLED);
          const user = await findUserByEmail(await getDb(), email);
          // Verify against a dummy hash for unknown emails so response time does not reveal accounts.
          const ok = await verifyPassword(
            password,
            user?.passwordHash ?? (await dummyPasswordHash()),
          );
          if (!user || !ok) {
            signInFailures.recordFailure(email);
            return null;
          }
          signInFailures.clear(email);
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
