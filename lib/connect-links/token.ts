import { randomBytes } from "node:crypto";
import { sha256Hex } from "@/lib/crypto/digest";

const PREFIX = "zcl_";
// 32 random bytes in base64url: 43 characters, no padding.
const SHAPE = /^zcl_[A-Za-z0-9_-]{43}$/;

/**
 * A new connect-link token: `zcl_` + 32 bytes from the CSPRNG in base64url. It lives only in the
 * link's URL, shown once; the database keeps its SHA-256 hash.
 */
export function generateLinkToken(): { token: string; hash: string } {
  const token = PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function isWellFormedLinkToken(value: string): boolean {
  return SHAPE.test(value);
}

export function hashLinkToken(token: string): string {
  return sha256Hex(token);
}
