import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Keyring } from "./keyring";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptionError extends Error {
  constructor(reason: string) {
    super(`cannot decrypt: ${reason}`);
    this.name = "DecryptionError";
  }
}

/** The value names a key id the keyring does not hold: a key removed too early, or not added yet. */
export class UnknownKeyError extends DecryptionError {
  constructor(readonly keyId: string) {
    super(`key ${keyId} is not configured`);
    this.name = "UnknownKeyError";
  }
}

/**
 * AES-256-GCM with a random 96-bit IV. The output names the key that wrote it
 * (`v1.<keyId>.<base64url(iv|tag|ciphertext)>`), and `context` is authenticated as associated data:
 * callers pass where the value lives (table, row id, column) so a value copied elsewhere fails.
 */
export function encrypt(keyring: Keyring, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyring.primary.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const packed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  return `${sealedPrefix(keyring.primary.id)}${packed}`;
}

export function decrypt(keyring: Keyring, stored: string, context: string): string {
  const [version, keyId, packed, ...rest] = stored.split(".");
  if (version !== VERSION || !keyId || !packed || rest.length > 0)
    throw new DecryptionError("unknown format");
  const key = keyring.byId.get(keyId);
  if (!key) throw new UnknownKeyError(keyId);
  const bytes = Buffer.from(packed, "base64url");
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new DecryptionError("truncated value");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new DecryptionError("authentication failed (wrong key, row or column)");
  }
}

/** How every value written with `keyId` begins, so key rotation can find the rest by prefix. */
export function sealedPrefix(keyId: string): string {
  return `${VERSION}.${keyId}.`;
}

/** The key id a stored value was written with, to find values that key rotation must rewrite. */
export function keyIdOf(stored: string): string | undefined {
  return stored.split(".")[1];
}
