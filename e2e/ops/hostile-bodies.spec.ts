// Oversized bodies and an unexpected error against an app of this spec's own (PostgreSQL, metrics
// on, stdout captured): a 100 MB body is refused with 413 while it streams in, and a query failing
// in an unforeseen way is logged and answered with one request id.
import http from "node:http";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { PASSWORD, uniqueEmail } from "../support/api";
import { startOpsStack, type OpsStack } from "../support/ops-stack";

const databaseUrl = process.env.E2E_DATABASE_URL;
const METRICS_TOKEN = "e2e-metrics-token-0123456789";
const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, "a");

/**
 * POSTs 100 MB of JSON-ish bytes, with or without a declared length, stopping as soon as an answer
 * comes; resolves with its status.
 */
function postHundredMegabytes(url: string, declareLength: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (declareLength) headers["content-length"] = String(HUNDRED_MB);
    const req = http.request(url, { method: "POST", headers }, (res) => {
      answered = true;
      res.resume();
      res.on("end", () => {
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
    });
    let answered = false;
    let sent = 0;
    // An early answer may close the connection under the remaining upload: that is not a failure.
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < HUNDRED_MB) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function residentMemory(appUrl: string): Promise<number> {
  const res = await fetch(`${appUrl}/api/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const line = /^process_resident_memory_bytes (\d+)/m.exec(await res.text());
  return Number(line![1]);
}

test.describe("hostile bodies and unexpected errors", () => {
  test.skip(!databaseUrl, "needs PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(180_000);

  let stack: OpsStack;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    stack = await startOpsStack(databaseUrl!, 1);
    await stack.start(0, {
      METRICS_TOKEN,
      TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 1).toString("base64")}`,
    });
  });
  test.afterAll(async () => stack?.close());

  test("a 100 MB body to the webhook and the sign-up route gets 413 while it streams in", async () => {
    const appUrl = stack.urls[0]!;
    // Load both routes first with small bodies, so the figure is what a big body costs, not the
    // routes' code being loaded.
    for (const path of ["/api/zoom/webhook", "/api/signup"]) {
      const warm = await fetch(`${appUrl}${path}`, { method: "POST", body: "{}" });
      expect(warm.status, path).toBeLessThan(500);
    }
    const before = await residentMemory(appUrl);
    let peak = before;
    for (const path of ["/api/zoom/webhook", "/api/signup"]) {
      for (const declareLength of [true, false]) {
        const status = await postHundredMegabytes(`${appUrl}${path}`, declareLength);
        expect(status, `${path}, ${declareLength ? "declared" : "chunked"}`).toBe(413);
        peak = Math.max(peak, await residentMemory(appUrl));
      }
    }
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `100 MB bodies (declared and chunked) to the webhook and sign-up: RSS ${mb(before)} MB before, ` +
        `${mb(peak)} MB at most after, growth ${mb(peak - before)} MB`,
    );
    expect((await fetch(`${appUrl}/api/health`)).status).toBe(200);
  });

  test("an unexpected database error is logged with its class and request id, and the 500 carries the same id", async () => {
    const appUrl = stack.urls[0]!;
    const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      // A schema the code does not expect: every insert of a user now fails with 42703.
      await sql`ALTER TABLE users RENAME COLUMN password_hash TO password_hash_gone`;
      const secret = "zak_0123456789abcdefghijklmnopqrstuvwxyz";
      const res = await fetch(`${appUrl}/api/signup?token=${secret}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: uniqueEmail(), password: PASSWORD }),
      });
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; requestId: string } };
      expect(body.error.code).toBe("internal");
      expect(res.headers.get("x-request-id")).toBe(body.error.requestId);

      await expect.poll(() => stack.app(0).output()).toContain(body.error.requestId);
      const line = stack
        .app(0)
        .output()
        .split("\n")
        .find((text) => text.includes(body.error.requestId) && text.includes("unexpected error"));
      const logged = JSON.parse(line!) as { error: { class?: string } };
      expect(logged.error.class).toBeTruthy();
      expect(logged).toMatchObject({
        level: "error",
        requestId: body.error.requestId,
        path: "/api/signup",
        error: { sqlState: "42703" },
      });
      expect(stack.app(0).output()).not.toContain(secret);
      expect(stack.app(0).output()).not.toContain(PASSWORD);
    } finally {
      await sql`ALTER TABLE users RENAME COLUMN password_hash_gone TO password_hash`;
      await sql.end();
    }
  });
});
