import { describe, expect, it } from "vitest";
import { decrypt, DecryptionError, encrypt, keyIdOf, UnknownKeyError } from "./aead";
import { generateKeyringValue, keyIdsOf, parseKeyring } from "./keyring";

const keyring = parseKeyring(generateKeyringValue("a"));

describe("AES-256-GCM values", () => {
  it("round-trips and names the key that wrote it", () => {
    const stored = encrypt(keyring, "refresh-token-value", "zoom_grants:1:refresh_token");
    expect(stored.startsWith("v1.a.")).toBe(true);
    expect(stored).not.toContain("refresh-token-value");
    expect(keyIdOf(stored)).toBe("a");
    expect(decrypt(keyring, stored, "zoom_grants:1:refresh_token")).toBe("refresh-token-value");
  });

  it("uses a fresh IV each time", () => {
    expect(encrypt(keyring, "same", "ctx")).not.toBe(encrypt(keyring, "same", "ctx"));
  });

  it("refuses a value moved to another row or column", () => {
    const stored = encrypt(keyring, "secret", "zoom_grants:1:refresh_token");
    expect(() => decrypt(keyring, stored, "zoom_grants:2:refresh_token")).toThrow(DecryptionError);
    expect(() => decrypt(keyring, stored, "zoom_grants:1:access_token")).toThrow(DecryptionError);
  });

  it("refuses a tampered value", () => {
    const stored = encrypt(keyring, "secret", "ctx");
    const last = stored.at(-2) === "A" ? "B" : "A";
    expect(() => decrypt(keyring, `${stored.slice(0, -2)}${last}${stored.at(-1)}`, "ctx")).toThrow(
      DecryptionError,
    );
  });

  it("decrypts with any configured key and encrypts with the first", () => {
    const old = parseKeyring(generateKeyringValue("old"));
    const stored = encrypt(old, "secret", "ctx");
    const rotated = parseKeyring(
      `${generateKeyringValue("new")},old:${old.primary.key.toString("base64")}`,
    );
    expect(decrypt(rotated, stored, "ctx")).toBe("secret");
    expect(keyIdOf(encrypt(rotated, "secret", "ctx"))).toBe("new");
    expect(() => decrypt(parseKeyring(generateKeyringValue("new")), stored, "ctx")).toThrow(
      UnknownKeyError,
    );
  });

  it("lists a key for decryption only until it is named the encrypting key", () => {
    const value = `${generateKeyringValue("old")},${generateKeyringValue("new")}`;
    const phase1 = parseKeyring(value);
    const phase2 = parseKeyring(value, "new");
    expect(keyIdsOf(phase1)).toEqual({ encrypting: "old", decryptOnly: ["new"] });
    expect(keyIdsOf(phase2)).toEqual({ encrypting: "new", decryptOnly: ["old"] });
    expect(keyIdOf(encrypt(phase2, "secret", "ctx"))).toBe("new");
    expect(decrypt(phase1, encrypt(phase2, "secret", "ctx"), "ctx")).toBe("secret");
    expect(() => parseKeyring(value, "other")).toThrow(/no key has the id other/);
  });

  it("rejects malformed keyrings", () => {
    expect(() => parseKeyring("")).toThrow();
    expect(() => parseKeyring("a:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseKeyring(`${generateKeyringValue("a")},${generateKeyringValue("a")}`)).toThrow(
      /duplicate/,
    );
  });
});
