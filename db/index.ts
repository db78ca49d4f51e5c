import "server-only";
import { sql } from "drizzle-orm";
import { getConfig } from "@/lib/config";
import { getLogger } from "@/lib/log/logger";
import { openDatabase, type Db } from "./client";
import { isDatabaseUnreachable, unreachableCodeOf } from "./errors";
import { outage, recordReachable, recordUnreachable, retryAfterSeconds } from "./outage";

/** The database cannot be reached right now; the app keeps trying and serves again when it returns. */
export class DatabaseUnavailableError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The database is unreachable");
    this.name = "DatabaseUnavailableError";
  }
}

// On globalThis because Next loads instrumentation and each route bundle as separate module graphs,
// and PGlite must open only once per process.
const holder = globalThis as unknown as {
  __brokerDbOpen?: { db?: Db; opening?: Promise<Db>; probe?: NodeJS.Timeout };
};
const open = (holder.__brokerDbOpen ??= {});

/**
 * The process-wide database, opened and migrated once. When PostgreSQL cannot be reached (a deploy
 * that starts before its database, an outage) this rejects with DatabaseUnavailableError and tries
 * again on a later call, backing off up to 5 s, so the app recovers by itself without a restart.
 */
export function getDb(): Promise<Db> {
  if (open.db) return Promise.resolve(open.db);
  if (open.opening) return open.opening;
  if (Date.now() < outage.retryAt)
    return Promise.reject(new DatabaseUnavailableError(retryAfterSeconds()));
  open.opening = openDatabase(getConfig().database)
    .then(({ db }) => {
      open.db = db;
      noteDatabaseReachable();
      return db;
    })
    .catch((err: unknown) => {
      if (!isDatabaseUnreachable(err)) throw err;
      noteDatabaseUnreachable(err);
      throw new DatabaseUnavailableError(retryAfterSeconds());
    })
    .finally(() => {
      open.opening = undefined;
    });
  return open.opening;
}

/**
 * When `err` means the database could not be reached, notes the outage and says how long clients
 * should wait; null for any other error.
 */
export function databaseOutage(err: unknown): { retryAfterSeconds: number } | null {
  if (err instanceof DatabaseUnavailableError) return { retryAfterSeconds: err.retryAfterSeconds };
  if (!isDatabaseUnreachable(err)) return null;
  noteDatabaseUnreachable(err);
  return { retryAfterSeconds: retryAfterSeconds() };
}

/** For the health check: the database answers a query now. Also notices the end of an outage. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await (await getDb()).execute(sql`select 1`);
    noteDatabaseReachable();
    return true;
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) return false;
    if (!isDatabaseUnreachable(err)) throw err;
    noteDatabaseUnreachable(err);
    return false;
  }
}

/**
 * Records a failure to reach the database, logged once per outage rather than once per request, and
 * keeps probing in the background with backoff so the outage ends even when no request comes in.
 */
export function noteDatabaseUnreachable(err: unknown): void {
  if (recordUnreachable()) {
    getLogger().error(
      { code: unreachableCodeOf(err) ?? "unknown" },
      "database unreachable; answering 503 until it returns",
    );
  }
  scheduleProbe();
}

function scheduleProbe(): void {
  if (open.probe) return;
  const probe = () => {
    open.probe = undefined;
    isDatabaseReachable().then(
      (ok) => {
        if (!ok) scheduleProbe();
      },
      () => scheduleProbe(),
    );
  };
  open.probe = setTimeout(probe, Math.max(outage.retryAt - Date.now(), 100)).unref();
}

function noteDatabaseReachable(): void {
  const lasted = recordReachable();
  if (lasted !== null)
    getLogger().info({ outageSeconds: Math.round(lasted / 1000) }, "database reachable again");
}
