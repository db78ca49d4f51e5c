import { createRequire } from "node:module";
import path from "node:path";
import pino, { type DestinationStream, type Logger } from "pino";
import type PinoPretty from "pino-pretty";

// Keys whose values are never written, at the top level and one level down. Messages log the
// pathname of a request, never its URL, so query strings (which can carry a ZAK URL's secret) stay out.
const SENSITIVE_KEYS = [
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "zak",
  "secret",
  "clientSecret",
  "client_secret",
  "password",
  "code",
  "cookie",
  "authorization",
  "url",
  "query",
  "search",
];

export const REDACT_PATHS = [
  ...SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`]),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  "*.headers.cookie",
  "*.headers.authorization",
];

/** A JSON-lines logger on `destination` (stdout by default), with secrets redacted. */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: "info",
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? developmentStream() ?? pino.destination({ fd: 1, sync: true }),
  );
}

/**
 * `next dev` only: readable lines through pino-pretty, as an in-process stream rather than a
 * transport (worker threads do not survive Next's bundling). A dev dependency, never loaded in production.
 */
function developmentStream(): DestinationStream | undefined {
  if (process.env.NODE_ENV !== "development") return undefined;
  const load = createRequire(path.join(process.cwd(), "package.json"));
  const pretty = load("pino-pretty") as typeof PinoPretty;
  return pretty.build({ colorize: true, sync: true });
}

// On globalThis: instrumentation and route handlers are separate module graphs in one process.
const holder = globalThis as unknown as { __brokerLogger?: Logger };

/** The process-wide logger. */
export function getLogger(): Logger {
  holder.__brokerLogger ??= createLogger();
  return holder.__brokerLogger;
}
