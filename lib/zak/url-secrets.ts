import { z } from "zod";
import type { Db } from "@/db/client";
import { insertUrlSecret, type UrlSecretRow } from "@/db/queries/url-secrets";
import { DEFAULT_KINDS, TOKEN_KINDS } from "./kinds";
import { generateUrlSecret } from "./url-secret";

/** A new URL secret: a label for the list, and the token kinds it may fetch (default ZAK only). */
export const newUrlSecretSchema = z.object({
  label: z.string().trim().min(1).max(60, "must be at most 60 characters").optional(),
  kinds: z
    .array(z.enum(TOKEN_KINDS))
    .min(1, "must name at least one kind")
    .refine((kinds) => new Set(kinds).size === kinds.length, "must not repeat a kind")
    .default([...DEFAULT_KINDS]),
});

/** Creates a URL secret (dashboard and API alike); the secret is returned once, only its hash kept. */
export async function createUrlSecret(
  db: Db,
  input: z.output<typeof newUrlSecretSchema> & { tenantId: string; userId: string },
): Promise<{ row: UrlSecretRow; secret: string }> {
  const { secret, prefix, hash } = generateUrlSecret();
  const row = await insertUrlSecret(db, {
    tenantId: input.tenantId,
    label: input.label ?? "Bot",
    prefix,
    secretHash: hash,
    kinds: input.kinds,
    createdByUserId: input.userId,
  });
  return { row, secret };
}
