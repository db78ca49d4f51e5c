import { randomBytes } from "node:crypto";

export interface Keyring {
  /** The key that encrypts: the one TOKEN_ENCRYPTION_KEY_ID names, else the first configured. */
  primary: { id: string; key: Buffer };
  /** Every configured key, so values written under another key still decrypt. */
  byId: ReadonlyMap<string, Buffer>;
}

export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses `id:base64key,id2:base64key2`; each key must decode to exactly 32 bytes (AES-256).
 * `encryptingId` picks the key that encrypts; without it the first one does, and the others only
 * decrypt (so a new key can be listed everywhere before any instance writes with it).
 */
export function parseKeyring(value: string, encryptingId?: string): Keyring {
  const byId = new Map<string, Buffer>();
  for (const entry of value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [id, encoded, ...rest] = entry.split(":");
    if (!id || !encoded || rest.length > 0 || !KEY_ID.test(id))
      throw new Error("malformed key entry");
    const key = Buffer.from(encoded, "base64");
    if (key.length !== 32) throw new Error(`key ${id} is not 32 bytes`);
    if (byId.has(id)) throw new Error(`duplicate key id ${id}`);
    byId.set(id, key);
  }
  const id = encryptingId ?? byId.keys().next().value;
  if (id === undefined) throw new Error("no keys");
  const key = byId.get(id);
  if (!key) throw new Error(`no key has the id ${id}`);
  return { primary: { id, key }, byId };
}

/** The ids of the configured keys, for logs: never key material. */
export function keyIdsOf(keyring: Keyring): { encrypting: string; decryptOnly: string[] } {
  const encrypting = keyring.primary.id;
  return { encrypting, decryptOnly: [...keyring.byId.keys()].filter((id) => id !== encrypting) };
}

export function generateKeyringValue(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}
