// The README's key rotation, followed on two app processes restarted one at a time while bots keep
// asking for ZAKs: no bot request fails, every grant ends on the new key, and a key removed too
// early shows in /api/health (and never as a 500 to a bot).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import {
  botTraffic,
  connectedTenants,
  expectHealth,
  startOpsStack,
  type OpsStack,
} from "../support/ops-stack";

const adminUrl = process.env.E2E_DATABASE_URL;
const AUTH_SECRET = "e2e-auth-secret-0123456789abcdef0123456789";
const OLD = `old:${Buffer.alloc(32, 11).toString("base64")}`;
const NEW = `new:${Buffer.alloc(32, 12).toString("base64")}`;

// Each phase's configuration, as given to every instance in turn.
const BEFORE = { TOKEN_ENCRYPTION_KEYS: OLD };
const NEW_DECRYPTS = { TOKEN_ENCRYPTION_KEYS: `${OLD},${NEW}`, TOKEN_ENCRYPTION_KEY_ID: "old" };
const NEW_ENCRYPTS = { TOKEN_ENCRYPTION_KEYS: `${OLD},${NEW}`, TOKEN_ENCRYPTION_KEY_ID: "new" };
const OLD_REMOVED = { TOKEN_ENCRYPTION_KEYS: NEW };

const TENANTS = 3;

test.describe("rolling key rotation on two processes", () => {
  test.skip(!adminUrl, "needs PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(240_000);

  let stack: OpsStack;
  test.afterEach(async () => {
    await stack?.close();
  });

  test("phase by phase, restarting one process at a time: 0 failed bot requests, every grant on the new key", async () => {
    stack = await startOpsStack(adminUrl!, 2);
    const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await Promise.all([stack.start(0, BEFORE), stack.start(1, BEFORE)]);
      for (const url of stack.urls) await expectHealth(url, 200);
      // One more tenant whose bots stay away: its grant is never refreshed, so it is still on the
      // old key when that key goes (which tenants the traffic refreshes where is up to chance).
      const allPaths = await connectedTenants(stack.urls[0]!, TENANTS + 1);
      const paths = allPaths.slice(0, TENANTS);

      const inService = new Set([0, 1]);
      const traffic = botTraffic(paths, stack.urls, inService);
      /** Waits until every tenant was served again by each process after this moment. */
      const servedAgain = async () => {
        const from = traffic.answers.length;
        await expect
          .poll(() => traffic.answers.length - from, { timeout: 30_000 })
          .toBeGreaterThan(4 * TENANTS);
      };
      // Zoom refuses every cached access token: the next requests refresh, writing with each
      // instance's encrypting key.
      const refreshAll = async () => {
        stack.emulator.expireAccessTokens();
        await servedAgain();
      };
      const restart = async (slot: number, env: Record<string, string>) => {
        inService.delete(slot);
        await traffic.drain(slot);
        await stack.stop(slot);
        await stack.start(slot, env);
      };
      const roll = async (slot: number, env: Record<string, string>) => {
        await restart(slot, env);
        await expectHealth(stack.urls[slot]!, 200);
        inService.add(slot);
        await servedAgain();
      };

      // 1. The new key decrypts everywhere; the old one still encrypts.
      await roll(0, NEW_DECRYPTS);
      await refreshAll();
      await roll(1, NEW_DECRYPTS);
      expect(await keyIdsInUse(sql)).toEqual(["old"]);

      // 2. The new key encrypts, one instance after the other: the other one reads what it writes.
      await roll(0, NEW_ENCRYPTS);
      expect(stack.app(0).output()).toContain(
        '"encryptionKeys":{"encrypting":"new","decryptOnly":["old"]}',
      );
      await refreshAll();
      await roll(1, NEW_ENCRYPTS);
      expect(await keyIdsInUse(sql)).toContain("old");

      // The old key removed too early: health says how many grants this instance cannot open, and a
      // bot sent to it gets a 503 with the reason. With the key back, health is 200 again.
      await restart(0, OLD_REMOVED);
      const stillOld = await grantsNotOnNewKey(sql);
      expect(stillOld).toBeGreaterThan(0);
      const health = await fetch(`${stack.urls[0]}/api/health`);
      expect(health.status).toBe(503);
      const plural = stillOld === 1 ? "grant" : "grants";
      expect(await health.json()).toEqual({
        ok: false,
        error: {
          code: "undecryptable_rows",
          message: `${stillOld} ${plural} cannot be decrypted with the configured keys`,
        },
        undecryptable: { zoom_grants: stillOld },
      });
      const refused = await Promise.all(allPaths.map((path) => fetch(`${stack.urls[0]}${path}`)));
      const stuck = refused.filter((res) => res.status !== 200);
      expect(stuck.length).toBeGreaterThan(0);
      for (const res of stuck) {
        expect([res.status, await res.text()]).toEqual([
          503,
          "This connection's tokens are sealed with a key this server does not have",
        ]);
        expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      }
      await roll(0, NEW_ENCRYPTS);

      // 3. Re-encrypt what is left, while both serve.
      const rotated = await rotate(stack.databaseUrl, NEW_ENCRYPTS);
      expect(rotated.stdout).toContain(
        `Re-encrypted with key "new": zoom_grants ${stillOld}, bot_platform_secrets 0, webhook_endpoints 0, idempotent_requests 0.`,
      );
      expect(await keyIdsInUse(sql)).toEqual(["new"]);

      // 4. The old key goes away everywhere.
      await roll(0, OLD_REMOVED);
      await roll(1, OLD_REMOVED);
      await refreshAll();
      for (const url of stack.urls) await expectHealth(url, 200);

      const answers = await traffic.stop();
      const failed = answers.filter((a) => a.status !== 200);
      console.log(`rolling rotation: ${answers.length} bot requests, ${failed.length} failed`);
      expect(failed).toEqual([]);
      for (const slot of [0, 1]) {
        const output = stack.app(slot).output();
        expect(output).toContain('"encryptionKeys":{"encrypting":"new","decryptOnly":[]}');
        for (const key of [OLD, NEW]) expect(output).not.toContain(key.split(":")[1]);
      }
    } finally {
      await sql.end();
    }
  });
});

/** The key ids the grants' sealed columns name (`v1.<id>.…`). */
async function keyIdsInUse(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select distinct split_part(v, '.', 2) as id
    from zoom_grants, unnest(array[access_token_enc, refresh_token_enc]) as v order by 1`;
  return rows.map((r) => r.id);
}

async function grantsNotOnNewKey(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from zoom_grants
    where not (starts_with(access_token_enc, 'v1.new.') and starts_with(refresh_token_enc, 'v1.new.'))`;
  return row!.n;
}

/** `npm run vault:rotate` with `env`; rejects on a non-zero exit. */
function rotate(databaseUrl: string, env: Record<string, string>) {
  return promisify(execFile)("node", ["node_modules/tsx/dist/cli.mjs", "scripts/vault-rotate.ts"], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      // The rotation script reads the app's configuration, which wants a Zoom app or demo mode.
      DEMO_MODE: "1",
      AUTH_SECRET,
      ...env,
    },
  });
}
