import "server-only";
import { getConfig } from "@/lib/config";
import { openDatabase, type Db } from "./client";

const holder = globalThis as unknown as { __brokerDb?: Promise<Db> };

/**
 * The process-wide database, opened and migrated once. Kept on globalThis because Next loads
 * instrumentation and each route bundle as separate module graphs, and PGlite must open only once.
 */
export function getDb(): Promise<Db> {
  holder.__brokerDb ??= openDatabase(getConfig().database).then((d) => d.db);
  return holder.__brokerDb;
}
