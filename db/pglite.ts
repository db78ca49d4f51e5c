import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { Database, Db } from "./client";
import { acquireDataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

/**
 * The embedded engine, migrated. `dir` null means in memory (tests); a directory is locked so a
 * second process cannot open it and lose writes.
 */
export async function openPglite(
  dir: string | null,
  migrationsFolder: string,
  logger: Logger,
): Promise<Database> {
  let release = () => {};
  if (dir) {
    mkdirSync(path.dirname(dir), { recursive: true });
    release = acquireDataDirLock(dir);
  }
  const client = new PGlite(dir ?? undefined);
  const db = drizzle(client, { schema, logger });
  try {
    await migrate(db, { migrationsFolder });
  } catch (err) {
    await client.close();
    release();
    throw err;
  }
  return {
    db: db as unknown as Db,
    close: async () => {
      await client.close();
      release();
    },
  };
}
