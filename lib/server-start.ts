import { getDb } from "@/db";
import { getBroker } from "./broker";
import { getConfig } from "./config";
import { EnvError } from "./env";
import { errorFields } from "./log/error-fields";
import { getLogger } from "./log/logger";
import { reencryptGrants, refreshIdleGrants } from "./vault/maintenance";
import { pruneTokenRequests } from "./zak/audit-retention";

const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

export async function startServer() {
  let config;
  try {
    config = getConfig();
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    getLogger().fatal({ problems: err.problems }, "invalid configuration");
    process.exit(1);
  }
  // next-auth v4 builds its callback URLs from NEXTAUTH_URL.
  process.env.NEXTAUTH_URL ??= config.appUrl;
  await getDb();
  getLogger().info(
    {
      database: config.database.kind === "postgres" ? "PostgreSQL" : config.database.dir,
      demo: config.zoom.demo,
      metrics: config.metricsToken !== null,
    },
    config.zoom.demo ? "ready, demo mode (Zoom is emulated)" : "ready",
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
      getLogger().info(
        { reencrypted: keys, idleGrants: idle, prunedTokenRequests: pruned },
        "maintenance",
      );
    }
  } catch (err) {
    getLogger().error({ error: errorFields(err) }, "maintenance failed");
  }
}
