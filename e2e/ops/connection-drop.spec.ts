// PostgreSQL drops the app's connections (a restart, a failover) while bots ask for ZAKs: during the
// blip they get 200 or 503 with Retry-After, never a 500, and the app recovers by itself.
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
const BLIPS = 3;

test.describe("PostgreSQL terminates the app's connections", () => {
  test.skip(!adminUrl, "needs PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(120_000);

  let stack: OpsStack;
  test.afterEach(async () => {
    await stack?.close();
  });

  test("pg_terminate_backend during traffic: only 200s and 503s with Retry-After, then 200s, no restart", async () => {
    stack = await startOpsStack(adminUrl!, 1);
    const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await stack.start(0, {
        TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 1).toString("base64")}`,
      });
      await expectHealth(stack.urls[0]!, 200);
      const paths = await connectedTenants(stack.urls[0]!, 2);
      const traffic = botTraffic(paths, stack.urls, new Set([0]));
      const moreAnswers = async (n: number) => {
        const from = traffic.answers.length;
        await expect
          .poll(() => traffic.answers.length - from, { timeout: 30_000 })
          .toBeGreaterThan(n);
      };

      await moreAnswers(10);
      let terminated = 0;
      for (let i = 0; i < BLIPS; i++) {
        const rows = await sql<{ ok: boolean }[]>`
          select pg_terminate_backend(pid) as ok from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`;
        terminated += rows.filter((r) => r.ok).length;
        await moreAnswers(20);
      }
      await expectHealth(stack.urls[0]!, 200);
      // Requests sent before the database was seen back may still have met the outage.
      const recovered = traffic.started;
      await moreAnswers(10);
      const answers = await traffic.stop();

      expect(terminated).toBeGreaterThan(0);
      const statuses = new Set(answers.map((a) => a.status));
      expect([...statuses].filter((s) => s !== 200 && s !== 503)).toEqual([]);
      for (const answer of answers.filter((a) => a.status === 503)) {
        expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
      const afterRecovery = answers.filter((a) => a.seq >= recovered);
      expect(afterRecovery.length).toBeGreaterThan(0);
      expect(afterRecovery.filter((a) => a.status !== 200)).toEqual([]);
      console.log(
        `connection drop: ${answers.length} bot requests, ${terminated} backends terminated, ` +
          `${answers.filter((a) => a.status === 503).length} answered 503, ` +
          `${answers.filter((a) => a.status !== 200 && a.status !== 503).length} failed otherwise`,
      );

      // No refresh token was lost: every grant still refreshes.
      stack.emulator.expireAccessTokens();
      for (const path of paths) expect((await fetch(`${stack.urls[0]}${path}`)).status).toBe(200);
      expect(stack.app(0).output()).not.toMatch(/Internal error|"level":50/);
    } finally {
      await sql.end();
    }
  });
});
