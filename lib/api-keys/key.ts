import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/digest";

const PREFIX = "zbk_";
const SHAPE = /^zbk_[A-Za-z0-9_-]{43}$/;

/**
 * A new API key: `zbk_` + 32 bytes from the CSPRNG in base64url (43 characters). The prefix lets
 * secret scanners and people recognise it; `prefix` (the first 8 characters after it) is what the
 * dashboard shows. 256 random bits make a plain SHA-256 as safe to store as a slow hash.
 */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, PREFIX.length + 8), hash: hashApiKey(key) };
}

export function isWellFormedApiKey(value: string): boolean {
  return SHAPE.test(value);
}

export function hashApiKey(key: string): string {
  return sha256Hex(key);
}
