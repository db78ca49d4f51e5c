// The bot path records each request (audit row, "last used" stamps of the URL secret and the
// connection) in the same statement that answers it: after a burst, and after a burst cut by a
// normal stop (SIGTERM) of the process serving it, every answered request has its row.
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { connectedTenants, expectHealth, startOpsStack, type OpsStack } from "../support/ops-stack";

const adminUrl = process.env.E2E_DATABASE_URL;
const KEYS = { TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 7).toString("base64")}` };
const BURST = 200;

test.describe("audit of a burst of bot requests", () => {
  test.skip(!adminUrl, "needs PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(180_000);

  let stack: OpsStack;
  test.afterEach(async () => {
    await stack?.close();
  });

  test("every answered request is recorded with its stamps, also when the process is stopped mid-burst", async () => {
    stack = await startOpsStack(adminUrl!, 1);
    const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await stack.start(0, KEYS);
      await expectHealth(stack.urls[0]!, 200);
      const [path] = await connectedTenants(stack.urls[0]!, 1);
      const slug = path!.split("/")[3]!.split("?")[0]!;
      let firstAnswer = () => {};
      const burst = () =>
        Promise.all(
          Array.from({ length: BURST }, () =>
            fetch(`${stack.urls[0]}${path}`).then(
              (res) => (firstAnswer(), res.status),
              () => 0, // not answered: the process had stopped taking connections
            ),
          ),
        );
      const countOf = (statuses: number[]) => {
        const counts: Record<number, number> = {};
        for (const status of statuses.filter(Boolean)) counts[status] = (counts[status] ?? 0) + 1;
        return counts;
      };
      const recorded = async () => {
        const rows = await sql<{ status: number; n: number }[]>`
          select r.status, count(*)::int as n from token_requests r
          join tenants t on t.id = r.tenant_id where t.slug = ${slug} group by r.status`;
        return Object.fromEntries(rows.map((r) => [r.status, r.n]));
      };
      const stamps = () => sql<{ secret: Date | null; served: Date | null }[]>`
        select s.last_used_at as secret, c.last_token_served_at as served
        from tenants t join url_secrets s on s.tenant_id = t.id
        join zoom_connections c on c.tenant_id = t.id where t.slug = ${slug}`;

      const first = await burst();
      expect(first.filter((status) => status === 200)).toHaveLength(BURST);
      expect(await recorded()).toEqual({ 200: BURST });
      const [stamped] = await stamps();
      expect(stamped!.secret).toBeInstanceOf(Date);
      expect(stamped!.served).toBeInstanceOf(Date);

      // A second burst, and SIGTERM while it is in flight: the answers sent are all recorded.
      await sql`update url_secrets set last_used_at = null from tenants t
        where t.id = url_secrets.tenant_id and t.slug = ${slug}`;
      await sql`update zoom_connections set last_token_served_at = null from tenants t
        where t.id = zoom_connections.tenant_id and t.slug = ${slug}`;
      const answering = new Promise<void>((resolve) => (firstAnswer = resolve));
      const second = burst();
      await answering;
      await stack.stop(0);
      const answered = countOf(await second);
      expect(answered[200]).toBeGreaterThan(0);
      expect(await recorded()).toEqual({ ...answered, 200: BURST + answered[200]! });
      const [restamped] = await stamps();
      expect(restamped!.secret).toBeInstanceOf(Date);
      expect(restamped!.served).toBeInstanceOf(Date);
    } finally {
      await sql.end();
    }
  });
});
