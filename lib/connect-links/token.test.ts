import { describe, expect, it } from "vitest";
import { generateLinkToken, hashLinkToken, isWellFormedLinkToken } from "./token";

describe("connect-link tokens", () => {
  it("are zcl_ + 32 random bytes in base64url, unique, stored as a SHA-256 hash", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const { token, hash } = generateLinkToken();
      expect(token).toMatch(/^zcl_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
      expect(isWellFormedLinkToken(token)).toBe(true);
      expect(hash).toBe(hashLinkToken(token));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      seen.add(token);
    }
    expect(seen.size).toBe(100);
    for (const bad of [
      "",
      "zcl_",
      `zcl_${"a".repeat(42)}`,
      `zcl_${"a".repeat(42)}=`,
      `zak_${"a".repeat(43)}`,
    ])
      expect(isWellFormedLinkToken(bad), bad).toBe(false);
  });
});
