import { sealedContext } from "@/db/sealed-columns";
import { z } from "zod";
import { listLiveSealedSecrets } from "@/db/queries/bot-platform-secrets";
import type { BotPlatform, BotPlatformSecret } from "@/db/schema";
import { decrypt, DecryptionError, encrypt } from "@/lib/crypto/aead";
import type { Keyring } from "@/lib/crypto/keyring";
import { getLogger } from "@/lib/log/logger";
import type { Vault } from "@/lib/vault/types";

// Associated data binds the ciphertext to its row: copied to another row, it fails to decrypt.
const aad = (id: string) => sealedContext("bot_platform_secrets", id, "secret_enc");

export function sealSigningSecret(keyring: Keyring, id: string, secret: string): string {
  return encrypt(keyring, secret, aad(id));
}

export function openSigningSecret(
  keyring: Keyring,
  row: Pick<BotPlatformSecret, "id" | "secretEnc">,
): string {
  return decrypt(keyring, row.secretEnc, aad(row.id));
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const RECALL_PREFIX = "whsec_";
// Recall's secrets carry 24 random bytes and Attendee's 32; fewer than 16 is a copy-paste accident.
const MIN_KEY_BYTES = 16;

/**
 * The HMAC key of a stored secret: Recall's is `whsec_<base64>` (Standard Webhooks), Attendee's is
 * the base64 its dashboard shows. Null when the text is not of that shape.
 */
export function signingKeyBytes(platform: BotPlatform, secret: string): Buffer | null {
  const encoded =
    platform === "recall"
      ? secret.startsWith(RECALL_PREFIX)
        ? secret.slice(RECALL_PREFIX.length)
        : null
      : secret;
  if (encoded === null || !BASE64.test(encoded)) return null;
  const key = Buffer.from(encoded, "base64");
  return key.length >= MIN_KEY_BYTES ? key : null;
}

const FORMAT_HINTS: Record<BotPlatform, string> = {
  recall:
    "A Recall verification secret looks like whsec_ followed by base64 (copy it from Recall's dashboard)",
  attendee:
    "An Attendee webhook secret is the base64 text its dashboard shows (at least 16 bytes once decoded)",
};

/** `POST /api/tenants/:slug/signing/secrets`: the secret is checked against the platform's format. */
export const newSigningSecretSchema = z
  .object({
    platform: z.enum(["recall", "attendee"]),
    label: z.string().trim().min(1).max(60, "must be at most 60 characters"),
    secret: z.string().trim().min(1).max(512),
  })
  .superRefine((input, ctx) => {
    if (!signingKeyBytes(input.platform, input.secret))
      ctx.addIssue({ code: "custom", path: ["secret"], message: FORMAT_HINTS[input.platform] });
  });
export type NewSigningSecret = z.infer<typeof newSigningSecretSchema>;

/**
 * The HMAC keys of a tenant's live secrets of one platform. A secret the configured keys cannot open
 * (a key dropped before rotation finished) is left out and logged: it cannot verify anything.
 */
export async function liveSigningKeys(
  vault: Pick<Vault, "db" | "keyring">,
  tenantId: string,
  platform: BotPlatform,
): Promise<Buffer[]> {
  const keys: Buffer[] = [];
  for (const row of await listLiveSealedSecrets(vault.db, tenantId, platform)) {
    try {
      const key = signingKeyBytes(platform, openSigningSecret(vault.keyring, row));
      if (key) keys.push(key);
    } catch (err) {
      if (!(err instanceof DecryptionError)) throw err;
      getLogger().warn({ secretId: row.id, platform }, "signing secret cannot be decrypted");
    }
  }
  return keys;
}
