// npm run vault:rotate – re-encrypts every stored Zoom token and bot-platform signing secret with the
// first key of TOKEN_ENCRYPTION_KEYS.
// Row by row under the refresh lock, so it is safe while the app runs on PostgreSQL. The embedded
// database can only be opened by one process: stop the app first (it also re-encrypts on start).
import { openDatabase } from "../db/client";
import { buildConfig } from "../lib/config";
import { reencryptSigningSecrets } from "../lib/signatures/rotation";
import { reencryptGrants } from "../lib/vault/maintenance";
import { createZoomClient } from "../lib/zoom/client";

async function main(): Promise<number> {
  const config = buildConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    const vault = { db: database.db, keyring: config.keyring, zoom: createZoomClient(config.zoom) };
    const result = await reencryptGrants(vault);
    const secrets = await reencryptSigningSecrets(vault);
    console.log(
      `Re-encrypted ${result.rewritten} grant(s) and ${secrets.rewritten} signing secret(s) with key "${config.keyring.primary.id}".`,
    );
    if (result.unreadable + secrets.unreadable === 0) return 0;
    console.error(
      `${result.unreadable} grant(s) and ${secrets.unreadable} signing secret(s) could not be decrypted with the configured keys; they were left as they are.`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

// Configuration and lock errors carry a message meant for the person running this; no stack needed.
process.exitCode = await main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  return 1;
});
