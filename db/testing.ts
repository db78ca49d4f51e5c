// Test support: fresh databases on both engines, so the same tests run on PGlite and PostgreSQL.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Db } from "./client";

export interface TestDatabase {
  db: Db;
  /** Set for PostgreSQL: other connections (a second "process") can open it. */
  url: string | null;
  close: () => Promise<void>;
}

export interface TestEngine {
  name: "pglite" | "postgres";
  open(): Promise<TestDatabase>;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server the tests may create databases on. */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: "pglite", open: openPglite }];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) engines.push({ name: "postgres", open: () => openFreshPostgres(adminUrl) });
  return engines;
}

async function openPglite(): Promise<TestDatabase> {
  const { db, close } = await openDatabase({ kind: "pglite", dir: null });
  return { db, url: null, close };
}

const FRESH_NAME_PREFIX = "broker_test_";

/** Creates a uniquely named database for one test file or run; `drop` removes it. */
export async function createFreshPostgresDatabase(
  adminUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${FRESH_NAME_PREFIX}${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropFreshPostgresDatabase(url.toString()) };
}

/** Drops a database made by createFreshPostgresDatabase, refusing any other name. */
export async function dropFreshPostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!new RegExp(`^${FRESH_NAME_PREFIX}[0-9a-f]+$`).test(name))
    throw new Error("refusing to drop a database the tests did not create");
  target.pathname = "/postgres";
  const admin = postgres(target.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}

async function openFreshPostgres(adminUrl: string): Promise<TestDatabase> {
  const fresh = await createFreshPostgresDatabase(adminUrl);
  const { db, close } = await openDatabase({ kind: "postgres", url: fresh.url });
  return {
    db,
    url: fresh.url,
    close: async () => {
      await close();
      await fresh.drop();
    },
  };
}
