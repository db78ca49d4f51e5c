import path from "node:path";
import type { Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { DatabaseConfig } from "@/lib/config";
import { getMetrics } from "@/lib/metrics/registry";
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

// Every statement the app sends (transactions' begin and commit excepted): the benchmark divides it
// by the tokens served to get database round trips per token.
const countStatements: Logger = { logQuery: () => getMetrics().dbStatements.inc() };

/**
 * Opens the configured engine and applies pending migrations. PGlite: `dir` null means in memory
 * (tests); a directory is locked so a second process cannot open it and lose writes. PGlite's module
 * (WASM) is loaded only when it is the engine, so a process on PostgreSQL never holds it.
 */
export async function openDatabase(
  config: DatabaseConfig | { kind: "pglite"; dir: null },
): Promise<Database> {
  if (config.kind === "postgres") {
    await migratePostgresWithLock(config.url);
    const client = postgres(config.url, { max: 10, onnotice: () => {} });
    return {
      db: drizzlePostgres(client, { schema, logger: countStatements }) as unknown as Db,
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { openPglite } = await import("./pglite");
  return openPglite(config.dir, migrationsFolder, countStatements);
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
