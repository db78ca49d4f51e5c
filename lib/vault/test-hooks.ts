// Test support for vitest suites: the engine's database for the enclosing describe, and a fresh vault
// wired to a fresh in-process Zoom emulator for every test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { TestDatabase, TestEngine } from "@/db/testing";
import { testVault } from "./testing";

export interface VaultOnEngine {
  database: TestDatabase;
  setup: ReturnType<typeof testVault>;
}

export function useVaultOnEngine(engine: TestEngine): VaultOnEngine {
  const t = {} as VaultOnEngine;
  beforeAll(async () => {
    t.database = await engine.open();
  });
  afterAll(async () => {
    await t.database.close();
  });
  beforeEach(() => {
    t.setup = testVault(t.database.db);
  });
  return t;
}
