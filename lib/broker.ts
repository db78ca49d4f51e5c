import "server-only";
import { getDb } from "@/db";
import { getConfig, type AppConfig } from "./config";
import { countZoomCalls } from "./metrics/zoom-calls";
import type { Vault } from "./vault/types";
import { createZoomClient } from "./zoom/client";
import { observeRateLimits } from "./zoom-pacing/observe";
import { ZoomPacer } from "./zoom-pacing/pacer";
import { demoFetch, getDemoEmulator } from "./demo-zoom";

export interface Broker extends Vault {
  config: AppConfig;
}

// Cached per module graph, not on globalThis: Next loads instrumentation and routes as separate
// graphs, and errors thrown by another graph's Zoom client would fail this graph's instanceof checks.
let broker: Promise<Broker> | undefined;

/** The database, keys and Zoom client that route handlers work with. */
export function getBroker(): Promise<Broker> {
  broker ??= getDb().then((db) => {
    const config = getConfig();
    const fetchImpl = observeRateLimits(
      countZoomCalls(config.zoom.demo ? demoFetch(getDemoEmulator(config)) : fetch),
    );
    return {
      db,
      config,
      keyring: config.keyring,
      zoom: createZoomClient(config.zoom, fetchImpl),
      emailAlerts: config.email !== null,
      pacer: new ZoomPacer(db, config.zoom.pacingMaxWaitMs),
    };
  });
  // An unreachable database must not be remembered: the next request tries again.
  broker.catch(() => {
    broker = undefined;
  });
  return broker;
}
