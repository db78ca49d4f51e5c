import { z } from "zod";
import { getDb } from "@/db";
import { insertUser } from "@/db/queries/users";
import { ApiError } from "@/lib/api/errors";
import { readJson } from "@/lib/api/request";
import { route } from "@/lib/api/route";
import { hashPassword } from "@/lib/crypto/password";

const signupSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("must be a valid email address"))
    .pipe(z.string().max(254)),
  password: z
    .string()
    .min(10, "must be at least 10 characters")
    .max(200, "must be at most 200 characters"),
  name: z.string().trim().min(1).max(100).optional(),
});

// POST /api/signup – create an account; sign in afterwards through next-auth.
export const POST = route(async (req) => {
  const input = await readJson(req, signupSchema);
  const user = await insertUser(await getDb(), {
    email: input.email,
    name: input.name ?? null,
    passwordHash: await hashPassword(input.password),
  });
  if (!user) throw new ApiError("conflict", "An account with this email already exists");
  return Response.json({ id: user.id, email: user.email, name: user.name }, { status: 201 });
});
