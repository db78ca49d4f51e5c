// Fresh PostgreSQL databases for one test run: `create <admin url>` prints the new URL,
// `drop <url>` removes it. Used by scripts/test.sh for the end-to-end servers.
import postgres from "postgres";
import { createFreshPostgresDatabase } from "../db/testing";

const [command, url] = process.argv.slice(2);
if (command === "create" && url) {
  console.log((await createFreshPostgresDatabase(url)).url);
} else if (command === "drop" && url) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^broker_test_[0-9a-f]+$/.test(name)) throw new Error("refusing to drop a database this script did not create");
  target.pathname = "/postgres";
  const admin = postgres(target.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
} else {
  console.error("usage: tsx scripts/test-database.ts create <admin-url> | drop <url>");
  process.exit(2);
}
