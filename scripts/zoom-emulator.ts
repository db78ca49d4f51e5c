// Standalone Zoom emulator: `tsx scripts/zoom-emulator.ts --port 4010` (npm run zoom-emulator).
import { parseArgs } from "node:util";
import { startZoomEmulatorServer } from "../lib/zoom-emulator";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "client-id": { type: "string" },
    "client-secret": { type: "string" },
    "redirect-uris": { type: "string" },
    "webhook-url": { type: "string" },
    "webhook-secret-token": { type: "string" },
    scopes: { type: "string" },
  },
});

const env = process.env;
const port = Number(values.port ?? env.ZOOM_EMULATOR_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? env.ZOOM_EMULATOR_PORT}`);
  process.exit(1);
}
const webhookUrl = values["webhook-url"] ?? env.ZOOM_EMULATOR_WEBHOOK_URL;
const webhookSecretToken = values["webhook-secret-token"] ?? env.ZOOM_EMULATOR_WEBHOOK_SECRET_TOKEN;
// Comma-separated; without it the app is granted the scopes of every endpoint the emulator serves.
const scopes = (values.scopes ?? env.ZOOM_EMULATOR_SCOPES)
  ?.split(",")
  .map((scope) => scope.trim())
  .filter(Boolean);

const server = await startZoomEmulatorServer({
  port,
  host: values.host ?? "127.0.0.1",
  controls: true,
  demoUsers: true,
  clients: [
    {
      clientId: values["client-id"] ?? env.ZOOM_EMULATOR_CLIENT_ID ?? "emulator-client",
      clientSecret: values["client-secret"] ?? env.ZOOM_EMULATOR_CLIENT_SECRET ?? "emulator-secret",
      redirectUris: (
        values["redirect-uris"] ??
        env.ZOOM_EMULATOR_REDIRECT_URIS ??
        "http://localhost:3000/api/zoom/callback"
      )
        .split(",")
        .map((uri) => uri.trim())
        .filter(Boolean),
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(webhookSecretToken ? { webhookSecretToken } : {}),
      ...(scopes ? { scopes } : {}),
    },
  ],
});
console.log(`Zoom emulator listening on ${server.url}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
