// The servers the end-to-end suites run against. PGlite always; PostgreSQL (two app processes on one
// database) when the test command provides E2E_DATABASE_URL.

export const ZOOM_APP = {
  clientId: "broker-e2e",
  clientSecret: "broker-e2e-client-secret",
  webhookSecretToken: "broker-e2e-webhook-secret",
} as const;

/** The maintenance route's bearer on the PGlite and PostgreSQL apps (the demo app has none). */
export const E2E_CRON_SECRET = "e2e-cron-secret-0123456789";

export interface Target {
  name: "pglite" | "postgres";
  /** Every app process of this target; all share one database. */
  appUrls: string[];
  emulatorUrl: string;
  databaseUrl: string | null;
}

const databaseUrl = process.env.E2E_DATABASE_URL || null;

// E2E_PORT_OFFSET moves every server, so two runs (or a busy port) do not collide.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const local = (port: number) => `http://127.0.0.1:${port + offset}`;

export const targets: Target[] = [
  { name: "pglite", appUrls: [local(3100)], emulatorUrl: local(4010), databaseUrl: null },
  ...(databaseUrl
    ? [
        {
          name: "postgres" as const,
          appUrls: [local(3101), local(3102)],
          emulatorUrl: local(4011),
          databaseUrl,
        },
      ]
    : []),
];

/** An app with no Zoom configuration: demo mode, Zoom emulated inside the app under /zoom-emulator. */
export const demoAppUrl = local(3103);

/** Browser tests run against the PGlite app (the embedded default). */
export const browserTarget = targets[0]!;
