import { createHmac } from "node:crypto";
import path from "node:path";
import { parseKeyring, type Keyring } from "../crypto/keyring";
import { parseEnv, type RawEnv } from "../env";
import { loadOrCreateGeneratedSecrets } from "./generated-secrets";

export type DatabaseConfig = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

export interface ZoomConfig {
  /** Demo mode: no Zoom app configured, so the app talks to its own emulator under /zoom-emulator. */
  demo: boolean;
  clientId: string;
  clientSecret: string;
  webhookSecretToken: string;
  oauthUrl: string;
  apiUrl: string;
  redirectUri: string;
  timeoutMs: number;
  /** How long a bot request may wait in line for its Zoom account's rate limit. */
  pacingMaxWaitMs: number;
}

export interface AppConfig {
  appUrl: string;
  database: DatabaseConfig;
  authSecret: string;
  keyring: Keyring;
  zoom: ZoomConfig;
  /** Bearer secret of the maintenance cron route; null leaves the route off (404). */
  cronSecret: string | null;
  /** Bearer token for /api/metrics; null keeps the endpoint off. */
  metricsToken: string | null;
}

const EMULATOR_MOUNT = "/zoom-emulator";

export function buildConfig(raw: RawEnv): AppConfig {
  const env = parseEnv(raw);
  const pgliteDir = path.resolve(/*turbopackIgnore: true*/ env.PGLITE_DIR ?? ".data/pglite");
  const generated =
    env.DATABASE_URL || (env.AUTH_SECRET && env.TOKEN_ENCRYPTION_KEYS)
      ? null
      : loadOrCreateGeneratedSecrets(path.dirname(pgliteDir));
  const authSecret = env.AUTH_SECRET ?? generated!.AUTH_SECRET;
  const keyring = parseKeyring(
    env.TOKEN_ENCRYPTION_KEYS ?? generated!.TOKEN_ENCRYPTION_KEYS,
    env.TOKEN_ENCRYPTION_KEY_ID,
  );
  const demo = !env.ZOOM_CLIENT_ID;
  // Demo credentials are derived from AUTH_SECRET so they are not guessable from the source.
  const derived = (label: string) =>
    createHmac("sha256", authSecret).update(label).digest("base64url");
  const emulatorUrl = `${env.APP_URL}${EMULATOR_MOUNT}`;
  return {
    appUrl: env.APP_URL,
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL }
      : { kind: "pglite", dir: pgliteDir },
    authSecret,
    keyring,
    cronSecret: env.CRON_SECRET ?? null,
    zoom: {
      demo,
      clientId: env.ZOOM_CLIENT_ID ?? "demo-client",
      clientSecret: env.ZOOM_CLIENT_SECRET ?? derived("demo-zoom-client-secret"),
      webhookSecretToken: env.ZOOM_WEBHOOK_SECRET_TOKEN ?? derived("demo-zoom-webhook-secret"),
      oauthUrl: demo ? emulatorUrl : env.ZOOM_OAUTH_URL,
      apiUrl: demo ? emulatorUrl : env.ZOOM_API_URL,
      redirectUri: `${env.APP_URL}/api/zoom/callback`,
      timeoutMs: env.ZOOM_TIMEOUT_MS,
      pacingMaxWaitMs: env.ZOOM_PACING_MAX_WAIT_SECONDS * 1000,
    },
    metricsToken: env.METRICS_TOKEN ?? null,
  };
}

const cache = globalThis as unknown as { __brokerConfig?: AppConfig };

/** The process-wide configuration, parsed once. Throws EnvError naming every bad variable. */
export function getConfig(): AppConfig {
  cache.__brokerConfig ??= buildConfig(process.env);
  return cache.__brokerConfig;
}
