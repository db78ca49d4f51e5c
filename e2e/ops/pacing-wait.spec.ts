// A burst for one Zoom account longer than the bounded wait: an app of the spec's own with
// ZOOM_PACING_MAX_WAIT_SECONDS=1, so the requests that cannot get a slot within it are answered at once.
import { expect, test } from "@playwright/test";
import { connectedTenants, expectHealth, startOpsStack, type OpsStack } from "../support/ops-stack";

const adminUrl = process.env.E2E_DATABASE_URL;

test.describe("pacing's bounded wait", () => {
  test.skip(!adminUrl, "needs PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(120_000);

  let stack: OpsStack;
  test.afterEach(async () => {
    await stack?.close();
  });

  test("GET /api/zak/:tenant – 20 concurrent requests for an account limited to 5/s with a 1 s wait: the rest get 503 with Retry-After, Zoom sees no 429", async () => {
    stack = await startOpsStack(adminUrl!, 1);
    await stack.start(0, {
      TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 1).toString("base64")}`,
      ZOOM_PACING_MAX_WAIT_SECONDS: "1",
    });
    await expectHealth(stack.urls[0]!, 200);
    const [path] = await connectedTenants(stack.urls[0]!, 1);
    const [user] = stack.emulator.listUsers();
    stack.emulator.setAccountRateLimit(user!.account_id, { perSecond: 5 });
    const zak = () => fetch(`${stack.urls[0]}${path}`);

    expect((await zak()).status).toBe(200); // Zoom's answer states the limit
    const before = stack.emulator.stats();
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await zak();
        return { status: res.status, retryAfter: res.headers.get("retry-after") };
      }),
    );
    const after = stack.emulator.stats();

    const served = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    expect(served.length + refused.length).toBe(20);
    expect(served.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(after.endpoints.user_token - before.endpoints.user_token).toBe(served.length);
    expect(after.rateLimited.QPS - before.rateLimited.QPS).toBe(0);
  });
});
