import http from "node:http";
import fc from "fast-check";
import { createTenant, createZakUrl } from "../support/api";
import { expect, test } from "../support/fixtures";
import { hostileRequest, type FuzzContext } from "../support/hostile-requests";
import { sendRaw, type RawRequest } from "../support/raw-http";

const REQUESTS = 10_000;
const CONCURRENCY = 8;

test.describe("hostile input", () => {
  test.setTimeout(900_000);

  test("10,000 generated requests across every route: no 5xx, no dropped connection, ZAKs still served", async ({
    appUrl,
    connectedTenant,
    signUp,
    target,
  }) => {
    const fuzzer = await signUp();
    const ownSlug = await createTenant(fuzzer);
    const { zakUrl } = await createZakUrl(connectedTenant.owner, connectedTenant.slug);
    const urlSecret = new URL(zakUrl).searchParams.get("token")!;
    const session = (await fuzzer.http.storageState()).cookies.find((c) =>
      c.name.endsWith("next-auth.session-token"),
    );
    const ctx: FuzzContext = {
      appUrl,
      slugs: [ownSlug, connectedTenant.slug],
      urlSecret,
      sessionCookie: `${session!.name}=${session!.value}`,
    };
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    const requests = fc.sample(hostileRequest(ctx), { numRuns: REQUESTS, seed });

    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const statuses = new Map<string, number>();
    const failures: { request: RawRequest; outcome: string }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++]!;
        const outcome = await sendRaw(appUrl, request, agent);
        const label = "status" in outcome ? String(outcome.status) : `error: ${outcome.error}`;
        statuses.set(label, (statuses.get(label) ?? 0) + 1);
        if (!("status" in outcome) || outcome.status >= 500)
          failures.push({ request, outcome: label });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    const table = [...statuses].sort(([a], [b]) => a.localeCompare(b));
    console.log(
      `fuzz (${target.name}, seed ${seed}): ${requests.length} requests; by status: ${table
        .map(([status, count]) => `${status} × ${count}`)
        .join(", ")}`,
    );
    expect(
      failures.slice(0, 5).map(({ request, outcome }) => ({
        outcome,
        method: request.method,
        path: request.path.slice(0, 200),
        headers: request.headers,
        body: String(request.body ?? "").slice(0, 200),
      })),
      `${failures.length} requests got a 5xx or no answer (FUZZ_SEED=${seed} replays them)`,
    ).toEqual([]);

    // The limiter for wrong URL secrets may still hold this address for a while.
    await expect
      .poll(async () => await sendRaw(appUrl, { method: "GET", path: zakPath(zakUrl) }), {
        timeout: 70_000,
        intervals: [500, 2_000, 5_000],
      })
      .toMatchObject({ status: 200 });
  });
});

function zakPath(zakUrl: string): string {
  const url = new URL(zakUrl);
  return url.pathname + url.search;
}
