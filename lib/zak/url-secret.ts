import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/digest";

const PREFIX = "zak_";
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BODY_LENGTH = 43; // 43 base62 characters ≈ 256 bits
const SHAPE = new RegExp(`^${PREFIX}[0-9A-Za-z]{${BODY_LENGTH}}$`);

/**
 * A new URL secret: `zak_` + 43 base62 characters (≈256 bits from the CSPRNG). The prefix lets
 * secret scanners recognise it, and base62 lets a double-click select the whole value.
 */
export function generateUrlSecret(): { secret: string; prefix: string; hash: string } {
  let body = "";
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(64)) {
      // 248 = 62 * 4: rejecting larger bytes keeps every character equally likely.
      if (byte < 248 && body.length < BODY_LENGTH) body += ALPHABET[byte % 62];
    }
  }
  const secret = PREFIX + body;
  return { secret, prefix: secret.slice(0, PREFIX.length + 6), hash: hashUrlSecret(secret) };
}

export function isWellFormedUrlSecret(value: string): boolean {
  return SHAPE.test(value);
}

export function hashUrlSecret(secret: string): string {
  return sha256Hex(secret);
}
