// Test support: a Zoom client configuration pointing at the in-process emulator's origin.
import type { ZoomConfig } from "@/lib/config";

const ZOOM_BASE = "https://zoom.test";

export function zoomConfig(overrides: Partial<ZoomConfig> = {}): ZoomConfig {
  return {
    demo: false,
    clientId: "broker",
    clientSecret: "broker-secret",
    webhookSecretToken: "webhook-secret",
    oauthUrl: ZOOM_BASE,
    apiUrl: ZOOM_BASE,
    redirectUri: "https://broker.test/api/zoom/callback",
    timeoutMs: 1500,
    pacingMaxWaitMs: 20_000,
    ...overrides,
  };
}
