// The servers the end-to-end suites run against, one Playwright project each (playwright.config.ts).
// PGlite always; PostgreSQL (two app processes on one database) when the test command provides
// E2E_DATABASE_URL; demo mode (no Zoom app configured, Zoom emulated inside the app) always.

export const ZOOM_APP = {
  clientId: "broker-e2e",
  clientSecret: "broker-e2e-client-secret",
  webhookSecretToken: "broker-e2e-webhook-secret",
} as const;

/** The maintenance route's bearer on the PGlite and PostgreSQL apps (the demo app has none). */
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789";

export interface Target {
  name: "pglite" | "postgres" | "demo";
  /** Every app process of this target; all share one database. */
  appUrls: [string, ...string[]];
  /** Where Zoom's OAuth pages are: a standalone emulator, or the one mounted in a demo app. */
  emulatorUrl: string;
  databaseUrl: string | null;
  /** The emulator's /_emulator test controls are reachable (never in demo mode). */
  hasEmulatorControls: boolean;
}

// E2E_PORT_OFFSET moves every server, so two runs (or a busy port) do not collide.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const local = (port: number) => `http://127.0.0.1:${port + offset}`;

export const pglite: Target = {
  name: "pglite",
  appUrls: [local(3100)],
  emulatorUrl: local(4010),
  databaseUrl: null,
  hasEmulatorControls: true,
};

const databaseUrl = process.env.E2E_DATABASE_URL || null;

export const postgres: Target | null = databaseUrl
  ? {
      name: "postgres",
      appUrls: [local(3101), local(3102)],
      emulatorUrl: local(4011),
      databaseUrl,
      hasEmulatorControls: true,
    }
  : null;

export const demo: Target = {
  name: "demo",
  appUrls: [local(3103)],
  emulatorUrl: `${local(3103)}/zoom-emulator`,
  databaseUrl: null,
  hasEmulatorControls: false,
};
