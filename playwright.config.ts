import path from "node:path";
import { defineConfig } from "@playwright/test";
import type { TargetOption } from "./e2e/support/fixtures";
import {
  E2E_CRON_SECRET,
  ZOOM_APP,
  demo,
  pglite,
  postgres,
  type Target,
} from "./e2e/support/targets";

const dataDir = path.resolve(`.data/e2e-${process.env.E2E_PORT_OFFSET ?? 0}`);
const next = "node node_modules/next/dist/bin/next start -H 127.0.0.1 -p";
const emulator = "node node_modules/tsx/dist/cli.mjs scripts/zoom-emulator.ts --port";
const port = (url: string) => new URL(url).port;

/** A standalone emulator and the target's app processes, configured for it. */
function servers(target: Target) {
  const callbacks = target.appUrls.map((url) => `${url}/api/zoom/callback`).join(",");
  const database: Record<string, string> =
    target.databaseUrl !== null
      ? {
          DATABASE_URL: target.databaseUrl,
          AUTH_SECRET: "e2e-auth-secret-0123456789abcdef0123456789",
          TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 1).toString("base64")}`,
        }
      : { PGLITE_DIR: path.join(dataDir, target.name, "db") }; // secrets generated beside it
  return [
    {
      command: `${emulator} ${port(target.emulatorUrl)}`,
      url: `${target.emulatorUrl}/_emulator/stats`,
      env: {
        ZOOM_EMULATOR_CLIENT_ID: ZOOM_APP.clientId,
        ZOOM_EMULATOR_CLIENT_SECRET: ZOOM_APP.clientSecret,
        ZOOM_EMULATOR_REDIRECT_URIS: callbacks,
        ZOOM_EMULATOR_WEBHOOK_URL: `${target.appUrls[0]}/api/zoom/webhook`,
        ZOOM_EMULATOR_WEBHOOK_SECRET_TOKEN: ZOOM_APP.webhookSecretToken,
      },
      reuseExistingServer: false,
      stdout: "ignore" as const,
    },
    ...target.appUrls.map((appUrl) => ({
      command: `${next} ${port(appUrl)}`,
      url: `${appUrl}/api/health`,
      timeout: 120_000,
      env: {
        ...database,
        APP_URL: appUrl,
        ZOOM_CLIENT_ID: ZOOM_APP.clientId,
        ZOOM_CLIENT_SECRET: ZOOM_APP.clientSecret,
        ZOOM_WEBHOOK_SECRET_TOKEN: ZOOM_APP.webhookSecretToken,
        ZOOM_OAUTH_URL: target.emulatorUrl,
        ZOOM_API_URL: target.emulatorUrl,
        ZOOM_TIMEOUT_MS: "1500",
        CRON_SECRET: E2E_CRON_SECRET,
        // As behind one proxy: tests act as distinct clients by sending X-Forwarded-For (requests
        // without one are the socket's peer, 127.0.0.1). The demo app keeps the default, 0.
        TRUSTED_PROXY_HOPS: "1",
        // Specs register webhook endpoints on receivers they start on 127.0.0.1, over http.
        WEBHOOK_ALLOW_PRIVATE_URLS: "1",
      },
      reuseExistingServer: false,
      stdout: "ignore" as const,
    })),
  ];
}

/** An app with no Zoom configuration: demo mode, Zoom emulated inside the app. */
const demoServer = {
  command: `${next} ${port(demo.appUrls[0])}`,
  url: `${demo.appUrls[0]}/api/health`,
  timeout: 120_000,
  env: { APP_URL: demo.appUrls[0], PGLITE_DIR: path.join(dataDir, "demo", "db") },
  reuseExistingServer: false,
  stdout: "ignore" as const,
};

const chromium = {
  browserName: "chromium" as const,
  viewport: { width: 1280, height: 900 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

// These specs need two app processes on one database, which only the PostgreSQL target has.
const twoProcessSpecs = ["refresh.spec.ts", "pacing.spec.ts", "api-key-limit.spec.ts"];

export default defineConfig<object, TargetOption>({
  testDir: "e2e",
  // One worker: the emulators' fault and clock controls are shared by every test of a target.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: { trace: "retain-on-failure" },
  projects: [
    {
      name: "api-pglite",
      testDir: "e2e/api",
      testIgnore: twoProcessSpecs,
      use: { target: pglite },
    },
    ...(postgres ? [{ name: "api-postgres", testDir: "e2e/api", use: { target: postgres } }] : []),
    { name: "demo", testDir: "e2e/demo", use: { ...chromium, target: demo } },
    // Specs that start app processes of their own: logs, database outages, the standalone server.
    { name: "ops", testDir: "e2e/ops", use: { target: pglite } },
    { name: "browser", testDir: "e2e/browser", use: { ...chromium, target: pglite } },
  ],
  webServer: [...servers(pglite), ...(postgres ? servers(postgres) : []), demoServer],
});
