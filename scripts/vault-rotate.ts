// npm run vault:rotate – re-encrypts every sealed value (Zoom tokens, and each table listed in
// db/sealed-columns.ts) with the encrypting key (TOKEN_ENCRYPTION_KEY_ID, else the first key of
// TOKEN_ENCRYPTION_KEYS). Row by row with a compare-and-set, so it is safe while the app runs on
// PostgreSQL. The embedded database can only be opened by one process: stop the app first.
// Run it once every instance encrypts with the new key (README, "Rotating the encryption key").
import { openDatabase } from "../db/client";
import { buildConfig } from "../lib/config";
import { rotateSealedValues } from "../lib/key-rotation";

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const listed = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");

async function main(): Promise<number> {
  const config = buildConfig(process.env);
  const database = await openDatabase(config.database);
  try {
    const keyId = config.keyring.primary.id;
    const report = await rotateSealedValues(database.db, config.keyring);
    console.log(`Re-encrypted with key "${keyId}": ${listed(report.rewritten)}.`);
    let code = 0;
    if (total(report.unreadable) > 0) {
      console.error(
        `Cannot be decrypted with the configured keys, left as they are: ${listed(report.unreadable)}.`,
      );
      code = 1;
    }
    const remaining = total(report.remaining) - total(report.unreadable);
    if (remaining > 0) {
      console.error(
        `${remaining} row(s) were written with another key while this ran: an instance still ` +
          `encrypts with an older key. Give every instance TOKEN_ENCRYPTION_KEY_ID=${keyId}, then run this again.`,
      );
      code = 1;
    }
    return code;
  } finally {
    await database.close();
  }
}

// Configuration and lock errors carry a message meant for the person running this; no stack needed.
process.exitCode = await main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  return 1;
});
