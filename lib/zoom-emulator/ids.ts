import { randomBytes, randomInt } from "node:crypto";

/** Zoom-style 22-character id (user_id, account_id): 16 random bytes, base64url. */
export function zoomId(): string {
  return randomBytes(16).toString("base64url");
}

/** Opaque random string for codes, request ids and webhook signatures. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString("base64url");
}

export function randomDigits(length: number): number {
  return randomInt(10 ** (length - 1), 10 ** length);
}
