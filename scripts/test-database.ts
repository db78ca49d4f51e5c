// Fresh PostgreSQL databases for one test run: `create <admin url>` prints the new URL,
// `drop <url>` removes it. Used by scripts/test.sh for the end-to-end servers.
import { createFreshPostgresDatabase, dropFreshPostgresDatabase } from "../db/testing";

const [command, url] = process.argv.slice(2);
if (command === "create" && url) {
  console.log((await createFreshPostgresDatabase(url)).url);
} else if (command === "drop" && url) {
  await dropFreshPostgresDatabase(url);
} else {
  console.error("usage: tsx scripts/test-database.ts create <admin-url> | drop <url>");
  process.exit(2);
}
