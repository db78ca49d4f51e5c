import { describe, expect, it } from "vitest";
import { generateUrlSecret, hashUrlSecret, isWellFormedUrlSecret } from "./url-secret";

describe("URL secrets", () => {
  it("are zak_ + 43 base62 characters, unique, with a display prefix and a SHA-256 hash", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { secret, prefix, hash } = generateUrlSecret();
      expect(secret).toMatch(/^zak_[0-9A-Za-z]{43}$/);
      expect(isWellFormedUrlSecret(secret)).toBe(true);
      expect(secret.startsWith(prefix)).toBe(true);
      expect(prefix).toHaveLength(10);
      expect(hash).toBe(hashUrlSecret(secret));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      seen.add(secret);
    }
    expect(seen.size).toBe(200);
  });

  it("refuses malformed values before any lookup", () => {
    for (const value of [
      "",
      "zak_",
      `zak_${"a".repeat(42)}`,
      `zak_${"a".repeat(42)}!`,
      `ZAK_${"a".repeat(43)}`,
    ]) {
      expect(isWellFormedUrlSecret(value)).toBe(false);
    }
  });
});
