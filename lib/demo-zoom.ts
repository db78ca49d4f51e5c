import type { AppConfig } from "./config";
import type { FetchLike } from "./zoom/transport";
import { createZoomEmulator, type ZoomEmulator } from "./zoom-emulator";

const holder = globalThis as unknown as { __demoZoomEmulator?: ZoomEmulator };

/** Demo mode's Zoom: one in-memory emulator per process, mounted at /zoom-emulator, without test controls. */
export function getDemoEmulator(config: AppConfig): ZoomEmulator {
  holder.__demoZoomEmulator ??= createZoomEmulator({
    basePath: new URL(config.zoom.oauthUrl).pathname,
    controls: false,
    clients: [
      {
        clientId: config.zoom.clientId,
        clientSecret: config.zoom.clientSecret,
        redirectUris: [config.zoom.redirectUri],
        webhookUrl: `${config.appUrl}/api/zoom/webhook`,
        webhookSecretToken: config.zoom.webhookSecretToken,
        name: "ZAK Broker (demo)",
      },
    ],
  });
  return holder.__demoZoomEmulator;
}

/** Server-side calls to the demo emulator stay in the process instead of looping back over HTTP. */
export function demoFetch(emulator: ZoomEmulator): FetchLike {
  return (url, init) => emulator.handle(new Request(url, init));
}
