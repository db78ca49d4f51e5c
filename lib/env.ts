import { z } from "zod";
import { KEY_ID, parseKeyring } from "./crypto/keyring";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const httpUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .transform((v) => v.replace(/\/+$/, ""));

const rawSchema = z.object({
  DATABASE_URL: optional.pipe(
    z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" }).optional(),
  ),
  PGLITE_DIR: optional,
  APP_URL: optional.pipe(httpUrl.default("http://localhost:3000")),
  AUTH_SECRET: optional.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  TOKEN_ENCRYPTION_KEYS: optional.pipe(
    z
      .string()
      .refine(
        (v) => safeKeyring(v) !== null,
        "must be comma-separated id:base64 entries of 32-byte keys",
      )
      .optional(),
  ),
  TOKEN_ENCRYPTION_KEY_ID: optional.pipe(
    z.string().regex(KEY_ID, "must be a key id (letters, digits, _ and -)").optional(),
  ),
  ZOOM_CLIENT_ID: optional,
  ZOOM_CLIENT_SECRET: optional,
  ZOOM_WEBHOOK_SECRET_TOKEN: optional,
  ZOOM_OAUTH_URL: optional.pipe(httpUrl.default("https://zoom.us")),
  ZOOM_API_URL: optional.pipe(httpUrl.default("https://api.zoom.us")),
  CRON_SECRET: optional.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  ZOOM_TIMEOUT_MS: optional.pipe(
    z.coerce.number<string | undefined>().int().min(100).max(60_000).default(5_000),
  ),
  ZOOM_PACING_MAX_WAIT_SECONDS: optional.pipe(
    z.coerce.number<string | undefined>().min(0).max(300).default(20),
  ),
  METRICS_TOKEN: optional.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  SMTP_URL: optional.pipe(
    z.url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" }).optional(),
  ),
  EMAIL_FROM: optional.pipe(z.string().max(200).optional()),
  WEBHOOK_ALLOW_PRIVATE_URLS: optional.pipe(z.enum(["0", "1"], "must be 0 or 1").default("0")),
  WEBHOOK_RETRY_BASE_SECONDS: optional.pipe(
    z.coerce.number<string | undefined>().int().min(1).max(3600).default(30),
  ),
  TRUSTED_PROXY_HOPS: optional.pipe(
    z.coerce.number<string | undefined>().int().min(0).max(10).default(0),
  ),
  DEMO_MODE: optional.pipe(
    z
      .enum(["0", "1"], { message: "must be 1 (on) or 0 (off)" })
      .optional()
      .transform((v) => v === "1"),
  ),
});

function safeKeyring(value: string) {
  try {
    return parseKeyring(value);
  } catch {
    return null;
  }
}

export type RawEnv = Record<string, string | undefined>;
export type ParsedEnv = z.infer<typeof rawSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

/**
 * Validates the environment and the rules that span variables. Every problem is collected so one
 * message names every offending variable. Secrets are never echoed back.
 */
export function parseEnv(raw: RawEnv): ParsedEnv {
  const result = rawSchema.safeParse(raw);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${String(issue.path[0])} ${issue.message}`);
  const env = result.success ? result.data : null;
  const present = (name: keyof ParsedEnv) => Boolean(raw[name]?.trim());

  if (present("DATABASE_URL")) {
    for (const name of ["AUTH_SECRET", "TOKEN_ENCRYPTION_KEYS"] as const) {
      if (!present(name)) problems.push(`${name} is required when DATABASE_URL is set`);
    }
  }
  const encryptingId = raw.TOKEN_ENCRYPTION_KEY_ID?.trim();
  if (encryptingId && !safeKeyring(raw.TOKEN_ENCRYPTION_KEYS ?? "")?.byId.has(encryptingId))
    problems.push("TOKEN_ENCRYPTION_KEY_ID must name a key of TOKEN_ENCRYPTION_KEYS");
  if (present("ZOOM_CLIENT_ID")) {
    for (const name of ["ZOOM_CLIENT_SECRET", "ZOOM_WEBHOOK_SECRET_TOKEN"] as const) {
      if (!present(name)) problems.push(`${name} is required when ZOOM_CLIENT_ID is set`);
    }
  }
  if (present("SMTP_URL") && !present("EMAIL_FROM"))
    problems.push("EMAIL_FROM is required when SMTP_URL is set");
  // A forgotten Zoom variable in production must not quietly start the emulator (which lists users).
  if (present("DATABASE_URL") && !present("ZOOM_CLIENT_ID") && raw.DEMO_MODE?.trim() !== "1")
    problems.push(
      "ZOOM_CLIENT_ID is required when DATABASE_URL is set (set DEMO_MODE=1 to run the emulated Zoom on this database)",
    );
  if (problems.length > 0 || !env) throw new EnvError(problems);
  return env;
}
