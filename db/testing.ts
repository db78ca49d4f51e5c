// Test support: fresh databases on both engines, so the same tests run on PGlite and PostgreSQL.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Db } from "./client";

export interface TestDatabase {
  db: Db;
  /** Set for PostgreSQL: other connections (a second "process") can open it. */
  url: string | null;
  close(): Promise<void>;
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

/** Creates a uniquely named database for one test file and drops it afterwards. */
export async function createFreshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `broker_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
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
