import type { Instrumentation } from "next";

// Runs once when a server process starts: hook the request guards into the HTTP server, validate
// configuration, open and migrate the database, and start background work, so the first request
// does not pay for any of it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig } = await import("./lib/config");
  const { installRequestGuards } = await import("./lib/http/request-guards");
  installRequestGuards(() => getConfig().appUrl);
  const { startServer } = await import("./lib/server-start");
  await startServer();
}

// Errors no route handler caught (the framework's own, a page's render): one log line with the
// request id the proxy gave the request, so the 500's `x-request-id` leads to it.
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logUnhandledRequestError } = await import("./lib/log/unhandled-error");
  logUnhandledRequestError(err, request, context);
};
