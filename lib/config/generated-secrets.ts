import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateKeyringValue } from "../crypto/keyring";
import { getLogger } from "../log/logger";

export interface GeneratedSecrets {
  AUTH_SECRET: string;
  TOKEN_ENCRYPTION_KEYS: string;
}

/**
 * Embedded mode only: a first local run needs no configuration, so the secrets are created once
 * and kept beside the database they protect (mode 0600). Losing this file loses the stored tokens.
 */
export function loadOrCreateGeneratedSecrets(dataFolder: string): GeneratedSecrets {
  const file = path.join(dataFolder, "generated-secrets.json");
  try {
    return JSON.parse(readFileSync(file, "utf8")) as GeneratedSecrets;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const secrets: GeneratedSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEYS: generateKeyringValue("local1"),
  };
  mkdirSync(dataFolder, { recursive: true });
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
  } catch (err) {
    // Another process created it first: use theirs, so both encrypt with the same key.
    if ((err as NodeJS.ErrnoException).code === "EEXIST")
      return loadOrCreateGeneratedSecrets(dataFolder);
    throw err;
  }
  getLogger().warn(
    { file },
    "AUTH_SECRET and TOKEN_ENCRYPTION_KEYS are not set: generated them once in this file (mode 0600). " +
      "Set both explicitly in production.",
  );
  return secrets;
}
