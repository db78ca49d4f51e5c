import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseKeyring } from "../crypto/keyring";
import { getLogger } from "../log/logger";
import type { GeneratedSecrets } from "./generated-secrets";
import { buildConfig } from "./index";

describe("configuration for a first local run", () => {
  afterEach(() => vi.restoreAllMocks());

  it("generates AUTH_SECRET and TOKEN_ENCRYPTION_KEYS once, beside the embedded database, mode 0600, with one warning", () => {
    const warn = vi.spyOn(getLogger(), "warn").mockImplementation(() => {});
    const folder = mkdtempSync(path.join(tmpdir(), "broker-config-"));
    const env = { PGLITE_DIR: path.join(folder, "db") };
    const first = buildConfig(env);
    const second = buildConfig(env);
    const file = path.join(folder, "generated-secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.keyring.primary.key.equals(first.keyring.primary.key)).toBe(true);
    expect(
      parseKeyring(
        (JSON.parse(readFileSync(file, "utf8")) as GeneratedSecrets).TOKEN_ENCRYPTION_KEYS,
      ).primary.key,
    ).toHaveLength(32);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls[0])).not.toContain(first.authSecret);
  });

  it("is demo mode without a Zoom client id, pointing Zoom at the app's own emulator", () => {
    vi.spyOn(getLogger(), "warn").mockImplementation(() => {});
    const folder = mkdtempSync(path.join(tmpdir(), "broker-config-"));
    const config = buildConfig({
      PGLITE_DIR: path.join(folder, "db"),
      APP_URL: "http://localhost:4000",
    });
    expect(config.zoom).toMatchObject({
      demo: true,
      oauthUrl: "http://localhost:4000/zoom-emulator",
      apiUrl: "http://localhost:4000/zoom-emulator",
      redirectUri: "http://localhost:4000/api/zoom/callback",
    });
    expect(config.database).toEqual({ kind: "pglite", dir: path.join(folder, "db") });
  });

  it("uses PostgreSQL and the given secrets when DATABASE_URL is set, and a real Zoom app when configured", () => {
    const config = buildConfig({
      DATABASE_URL: "postgres://u@db/app",
      AUTH_SECRET: "a".repeat(32),
      TOKEN_ENCRYPTION_KEYS: `k:${Buffer.alloc(32).toString("base64")}`,
      ZOOM_CLIENT_ID: "id",
      ZOOM_CLIENT_SECRET: "secret",
      ZOOM_WEBHOOK_SECRET_TOKEN: "whsec",
    });
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://u@db/app" });
    expect(config.zoom).toMatchObject({
      demo: false,
      oauthUrl: "https://zoom.us",
      apiUrl: "https://api.zoom.us",
    });
  });
});
