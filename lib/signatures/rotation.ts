import {
  deleteExpiredSignedRequestIds,
  listSecretsNotStartingWith,
  rewriteSecretCiphertext,
} from "@/db/queries/bot-platform-secrets";
import { DecryptionError, sealedPrefix } from "@/lib/crypto/aead";
import type { Vault } from "@/lib/vault/types";
import { openSigningSecret, sealSigningSecret } from "./secrets";

/**
 * Re-encrypts every signing secret with the first key of TOKEN_ENCRYPTION_KEYS, as key rotation
 * does for grants. A compare-and-set write makes concurrent runs safe without a lock: secrets never
 * change once stored, so a row rewritten meanwhile is already done.
 */
export async function reencryptSigningSecrets(
  vault: Pick<Vault, "db" | "keyring">,
  until = Infinity,
) {
  const result = { rewritten: 0, unreadable: 0, complete: false };
  for (const row of await listSecretsNotStartingWith(
    vault.db,
    sealedPrefix(vault.keyring.primary.id),
  )) {
    if (Date.now() >= until) return result;
    let secret;
    try {
      secret = openSigningSecret(vault.keyring, row);
    } catch (err) {
      // A key was dropped too early or the row was tampered with: report it, rotate the rest.
      if (!(err instanceof DecryptionError)) throw err;
      result.unreadable++;
      continue;
    }
    const sealed = sealSigningSecret(vault.keyring, row.id, secret);
    if (await rewriteSecretCiphertext(vault.db, row.id, row.secretEnc, sealed)) result.rewritten++;
  }
  result.complete = true;
  return result;
}

/** Forgets the message ids of signed requests whose signature window has passed. */
export function pruneSignedRequestIds(vault: Pick<Vault, "db">, now = Date.now()) {
  return deleteExpiredSignedRequestIds(vault.db, new Date(now));
}
