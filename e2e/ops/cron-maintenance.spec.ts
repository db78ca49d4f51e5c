import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { connectZoom, createTenant, emulatorOf, signedInUser, uniqueEmail } from "../support/api";
import { demo, E2E_CRON_SECRET, postgres as postgresTarget } from "../support/targets";

const cron = (appUrl: string, secret: string) =>
  fetch(`${appUrl}/api/cron/maintenance`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}` },
  });

test("POST /api/cron/maintenance – 404 when CRON_SECRET is not set", async () => {
  expect((await cron(demo.appUrls[0], E2E_CRON_SECRET)).status).toBe(404);
});

test.describe("POST /api/cron/maintenance on two app processes", () => {
  test.skip(!postgresTarget, "needs PostgreSQL (E2E_DATABASE_URL)");

  test("401 for a wrong bearer; two overlapping calls refresh each idle grant exactly once and prune a connect link expired 8 days ago", async () => {
    const target = postgresTarget!;
    const [first, second] = target.appUrls as [string, string];
    expect((await cron(first, "not-the-secret")).status).toBe(401);
    expect((await cron(first, "")).status).toBe(401);

    const owner = await signedInUser(first);
    const zoomEmails = [uniqueEmail("idle"), uniqueEmail("idle"), uniqueEmail("idle")];
    const slugs: string[] = [];
    for (const email of zoomEmails) {
      slugs.push(await createTenant(owner));
      await connectZoom(owner, slugs.at(-1)!, { email, displayName: "Idle Host" });
    }
    const sql = postgres(target.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      // Unused for eight days: past the weekly idle refresh.
      const zoomUserIds = (await emulatorOf(target).users())
        .filter((u) => zoomEmails.includes(u.email))
        .map((u) => u.id);
      await sql`update zoom_grants set refreshed_at = now() - interval '8 days'
                where zoom_user_id in ${sql(zoomUserIds)}`;
      const before = (await emulatorOf(target).stats()).grants.refresh_token;
      // Closed for longer than the 7 days connect links are kept.
      const [closedLink] =
        await sql`insert into connect_links (tenant_id, token_hash, expires_at, created_at)
        select id, ${`stale-${slugs[0]}`}, now() - interval '8 days', now() - interval '9 days'
        from tenants where slug = ${slugs[0]!} returning id`;

      const answers = await Promise.all([
        cron(first, E2E_CRON_SECRET),
        cron(second, E2E_CRON_SECRET),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const reports = (await Promise.all(answers.map((a) => a.json()))) as {
        complete: boolean;
        prunedConnectLinks: number;
      }[];
      expect(reports.map((r) => r.complete)).toEqual([true, true]);
      expect(reports[0]!.prunedConnectLinks + reports[1]!.prunedConnectLinks).toBeGreaterThan(0);
      const [left] =
        await sql`select count(*)::int as n from connect_links where id = ${closedLink!.id as string}`;
      expect(left!.n).toBe(0);

      expect((await emulatorOf(target).stats()).grants.refresh_token - before).toBe(3);
      const stale = await sql`select count(*)::int as n from zoom_grants
                              where zoom_user_id in ${sql(zoomUserIds)}
                                and refreshed_at < now() - interval '1 day'`;
      expect(stale[0]!.n).toBe(0);
    } finally {
      await sql.end();
    }
  });
});
