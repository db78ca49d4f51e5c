import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: it reads the schema, never a live database.
// Migrations are applied by the app on start (db/migrate.ts), on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
