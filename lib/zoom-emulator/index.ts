// Zoom emulator: the parts of Zoom's OAuth + REST API used by the ZAK credential broker.
export { createZoomEmulator } from "./emulator";
export { DroppedConnection } from "./faults";
export { startZoomEmulatorServer } from "./node-server";
export { signZoomWebhook } from "./webhooks";
export type * from "./types";
