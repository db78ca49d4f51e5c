import { getDb } from "@/db";
import { getConfig } from "./config";
import { EnvError } from "./env";

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
}
