import { getDb } from "@/db";
import { getBroker } from "./broker";
import { getConfig } from "./config";
import { EnvError } from "./env";
import { reencryptGrants, refreshIdleGrants } from "./vault/maintenance";
import { pruneTokenRequests } from "./zak/audit-retention";

const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

export async function startServer() {
  let config;
  try {
    config = getConfig();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  // next-auth v4 builds its callback URLs from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL ??= config.appUrl;
  await getDb();
  console.log(
    `[broker] ready: ${config.database.kind === "postgres" ? "PostgreSQL" : `embedded database in ${config.database.dir}`}` +
      (config.zoom.demo ? ", demo mode (Zoom is emulated)" : ""),
  );
  void runMaintenance();
  setInterval(() => void runMaintenance(), MAINTENANCE_INTERVAL_MS).unref();
}

/**
 * Key rotation catch-up, idle refreshes and audit retention. Grant steps take the grant's row lock
 * and the pruning deletes in small batches, so instances can overlap.
 */
async function runMaintenance() {
  try {
    const broker = await getBroker();
    const keys = await reencryptGrants(broker);
    const idle = await refreshIdleGrants(broker);
    const pruned = await pruneTokenRequests(broker.db);
    if (
      keys.rewritten ||
      keys.unreadable ||
      idle.refreshed ||
      idle.failed ||
      idle.released ||
      pruned
    ) {
      console.log(
        `[maintenance] re-encrypted ${keys.rewritten} (unreadable ${keys.unreadable}), refreshed ${idle.refreshed}, ` +
          `released ${idle.released}, failed ${idle.failed}, pruned ${pruned} old token requests`,
      );
    }
  } catch (err) {
    console.error("[maintenance] failed:", err instanceof Error ? err.name : "unknown");
  }
}
