import type { Db } from "@/db/client";
import {
  countRowsSealedWithNone,
  findSealedRow,
  listRowsNotSealedWith,
  rewriteSealedRow,
  type SealedRow,
} from "@/db/queries/sealed-columns";
import { SEALED_TABLES, sealedContext, type SealedTable } from "@/db/sealed-columns";
import { decrypt, DecryptionError, encrypt, sealedPrefix } from "./crypto/aead";
import type { Keyring } from "./crypto/keyring";

const PAGE = 100;
// A row rewritten by someone else between our read and our write is read again, a few times at most.
const ATTEMPTS = 3;

export interface RotationReport {
  /** Rows moved to the encrypting key, per table. */
  rewritten: Record<string, number>;
  /** Rows no configured key opens (a key removed too early, or tampered), left as they are. */
  unreadable: Record<string, number>;
  /** Rows still not on the encrypting key when the run ended: another instance still writes with an older key. */
  remaining: Record<string, number>;
}

/**
 * Re-encrypts every sealed value (SEALED_TABLES) that is not on the keyring's encrypting key. No
 * lock and no transaction: each row is rewritten with a compare-and-set on its sealed values, so it
 * is safe while instances serve requests and refresh tokens.
 */
export async function rotateSealedValues(db: Db, keyring: Keyring): Promise<RotationReport> {
  const report: RotationReport = { rewritten: {}, unreadable: {}, remaining: {} };
  const prefix = sealedPrefix(keyring.primary.id);
  for (const t of SEALED_TABLES) {
    report.rewritten[t.name] = 0;
    report.unreadable[t.name] = 0;
    let afterId: string | null = null;
    for (;;) {
      const rows = await listRowsNotSealedWith(db, t, prefix, afterId, PAGE);
      for (const row of rows) {
        const outcome = await resealRow(db, keyring, t, row);
        if (outcome !== "left") report[outcome][t.name]!++;
      }
      if (rows.length < PAGE) break;
      afterId = rows.at(-1)!.id;
    }
  }
  report.remaining = await countRowsSealedWithNone(db, [prefix]);
  return report;
}

async function resealRow(
  db: Db,
  keyring: Keyring,
  t: SealedTable,
  first: SealedRow,
): Promise<"rewritten" | "unreadable" | "left"> {
  const prefix = sealedPrefix(keyring.primary.id);
  let row: SealedRow | undefined = first;
  for (let attempt = 0; row && attempt < ATTEMPTS; attempt++) {
    if (row.values.every((v) => v.startsWith(prefix))) return "left"; // rewritten meanwhile
    let next: string[];
    try {
      next = row.values.map((value, i) => {
        if (value.startsWith(prefix)) return value;
        const context = sealedContext(t.name, row!.id, t.columns[i]!.label);
        return encrypt(keyring, decrypt(keyring, value, context), context);
      });
    } catch (err) {
      if (err instanceof DecryptionError) return "unreadable";
      throw err;
    }
    if (await rewriteSealedRow(db, t, row, next)) return "rewritten";
    row = await findSealedRow(db, t, row.id);
  }
  return "left";
}

/** Per sealed table, the rows that no configured key can decrypt. One query; for the health check. */
export async function countUndecryptable(db: Db, keyring: Keyring) {
  const prefixes = [...keyring.byId.keys()].map(sealedPrefix);
  return countRowsSealedWithNone(db, prefixes);
}

/** "3 grants cannot be decrypted …", naming only the tables with such rows; null when there are none. */
export function describeUndecryptable(counts: Record<string, number>): string | null {
  const parts = SEALED_TABLES.flatMap((t) => {
    const n = counts[t.name] ?? 0;
    return n > 0 ? [`${n} ${t.noun[n === 1 ? 0 : 1]}`] : [];
  });
  if (parts.length === 0) return null;
  return `${parts.join(", ")} cannot be decrypted with the configured keys`;
}
