import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Next's guard against importing server modules into client bundles; not meaningful under vitest.
      "server-only": fileURLToPath(new URL("./db/testing-server-only.ts", import.meta.url)),
    },
  },
  test: {
    // Playwright owns e2e/; vitest runs unit and database tests next to the modules.
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
