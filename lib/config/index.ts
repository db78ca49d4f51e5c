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
  /** Where alerts are mailed from; null when SMTP_URL is not set (no email is sent). */
  email: EmailConfig | null;
  webhooks: WebhookConfig;
  /** Proxies in front that append to X-Forwarded-For; 0 = the socket's peer is the client. */
  trustedProxyHops: number;
}

export interface EmailConfig {
  smtpUrl: string;
  from: string;
}

export interface WebhookConfig {
  /** Local development and tests only: endpoints may be http and resolve to private addresses. */
  allowPrivateUrls: boolean;
  /** The first retry's delay; each later one doubles (lib/outbox/backoff.ts). */
  retryBaseSeconds: number;
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
    email: env.SMTP_URL ? { smtpUrl: env.SMTP_URL, from: env.EMAIL_FROM! } : null,
    webhooks: {
      allowPrivateUrls: env.WEBHOOK_ALLOW_PRIVATE_URLS === "1",
      retryBaseSeconds: env.WEBHOOK_RETRY_BASE_SECONDS,
    },
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  };
}

const cache = globalThis as unknown as { __brokerConfig?: AppConfig };

/** The process-wide configuration, parsed once. Throws EnvError naming every bad variable. */
export function getConfig(): AppConfig {
  cache.__brokerConfig ??= buildConfig(process.env);
  return cache.__brokerConfig;
}
