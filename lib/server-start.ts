import { DatabaseUnavailableError, getDb } from "@/db";
import { getBroker } from "./broker";
import { getConfig } from "./config";
import { EnvError } from "./env";
import { runMaintenance } from "./maintenance";

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
  // An unreachable database is not fatal: requests answer 503 and the app keeps trying to connect.
  await getDb().catch((err: unknown) => {
    if (!(err instanceof DatabaseUnavailableError)) throw err;
  });
  console.log(
    `[broker] ready: ${config.database.kind === "postgres" ? "PostgreSQL" : `embedded database in ${config.database.dir}`}` +
      (config.zoom.demo ? ", demo mode (Zoom is emulated)" : ""),
  );
  void runMaintenanceRound();
  setInterval(() => void runMaintenanceRound(), MAINTENANCE_INTERVAL_MS).unref();
}

async function runMaintenanceRound() {
  try {
    const report = await runMaintenance(await getBroker());
    const { complete: _complete, ...counts } = report;
    if (Object.values(counts).some((n) => n > 0)) {
      console.log(
        `[maintenance] re-encrypted ${report.reencrypted} (unreadable ${report.unreadable}), refreshed ${report.refreshed}, ` +
          `released ${report.released}, failed ${report.failed}, pruned ${report.pruned} old token requests`,
      );
    }
  } catch (err) {
    console.error("[maintenance] failed:", err instanceof Error ? err.name : "unknown");
  }
}
