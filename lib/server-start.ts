import { DatabaseUnavailableError, getDb } from "@/db";
import { getBroker } from "./broker";
import { getConfig } from "./config";
import { keyIdsOf } from "./crypto/keyring";
import { EnvError } from "./env";
import { errorFields } from "./log/error-fields";
import { getLogger } from "./log/logger";
import { runMaintenance } from "./maintenance";
import { startDeliveryWorker } from "./outbox/worker";
import { installShutdown } from "./shutdown";

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
  // An unreachable database is not fatal: requests answer 503 and the app keeps trying to connect.
  await getDb().catch((err: unknown) => {
    if (!(err instanceof DatabaseUnavailableError)) throw err;
  });
  getLogger().info(
    {
      database: config.database.kind === "postgres" ? "PostgreSQL" : config.database.dir,
      demo: config.zoom.demo,
      metrics: config.metricsToken !== null,
      email: config.email !== null,
      // Ids only, so an operator can check a key change reached this instance.
      encryptionKeys: keyIdsOf(config.keyring),
    },
    config.zoom.demo ? "ready, demo mode (Zoom is emulated)" : "ready",
  );
  installShutdown(config.zoom.timeoutMs, startDeliveryWorker(getBroker));
  void runMaintenanceRound();
  setInterval(() => void runMaintenanceRound(), MAINTENANCE_INTERVAL_MS).unref();
}

async function runMaintenanceRound() {
  try {
    const report = await runMaintenance(await getBroker());
    const { complete: _complete, deliveries, ...counts } = report;
    if ([...Object.values(counts), ...Object.values(deliveries)].some((n) => n > 0)) {
      getLogger().info(report, "maintenance");
    }
  } catch (err) {
    getLogger().error({ error: errorFields(err) }, "maintenance failed");
  }
}
