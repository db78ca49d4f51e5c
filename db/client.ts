import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { DatabaseConfig } from "@/lib/config";
import { acquireDataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

/** The one query interface both engines share: every query module is written against it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  close: () => Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db/migrations");
// Serialises migrations when several app instances start at once on one PostgreSQL.
const MIGRATION_LOCK_ID = 727_001;

/**
 * Opens the configured engine and applies pending migrations. PGlite: `dir` null means in memory
 * (tests); a directory is locked so a second process cannot open it and lose writes.
 */
export async function openDatabase(
  config: DatabaseConfig | { kind: "pglite"; dir: null },
): Promise<Database> {
  if (config.kind === "postgres") {
    await migratePostgresWithLock(config.url);
    const client = postgres(config.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      close: () => client.end({ timeout: 5 }),
    };
  }
  let release = () => {};
  if (config.dir) {
    mkdirSync(path.dirname(config.dir), { recursive: true });
    release = acquireDataDirLock(config.dir);
  }
  const client = new PGlite(config.dir ?? undefined);
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder });
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

async function migratePostgresWithLock(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}
