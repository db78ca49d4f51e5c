import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { users, type User } from "../schema";

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return user;
}

/** Inserts a user; returns null when the email is taken (unique index, so concurrent sign-ups are safe). */
export async function insertUser(
  db: Db,
  input: { email: string; name: string | null; passwordHash: string },
): Promise<User | null> {
  const [user] = await db
    .insert(users)
    .values({ ...input, email: input.email.toLowerCase() })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user ?? null;
}
