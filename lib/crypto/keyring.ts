import { randomBytes } from "node:crypto";

export interface Keyring {
  /** The key that encrypts; always the first entry of TOKEN_ENCRYPTION_KEYS. */
  primary: { id: string; key: Buffer };
  /** Every configured key, so values written under an older key still decrypt. */
  byId: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `id:base64key,id2:base64key2`; each key must decode to exactly 32 bytes (AES-256). */
export function parseKeyring(value: string): Keyring {
  const byId = new Map<string, Buffer>();
  let primary: Keyring["primary"] | undefined;
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
    primary ??= { id, key };
  }
  if (!primary) throw new Error("no keys");
  return { primary, byId };
}

export function generateKeyringValue(id = `k${Date.now().toString(36)}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}
