// Runs in the api-postgres project only (playwright.config.ts): an API key's requests are counted in
// the database, so the two app processes of the target share one count per key.
import { createApiKey } from "../support/api-keys";
import { expect, test } from "../support/fixtures";
import { errorBody } from "../support/schemas";

/** Requests per key and minute (API_KEY_LIMIT, lib/api-keys/rate-limit.ts). */
const PER_MINUTE = 600;
const AT_ONCE = 20;

test("/api/v1 – an API key's 600 requests a minute are shared by both app processes; then 429 with Retry-After from each, while another key of the same user is served", async ({
  target,
  owner,
  ownerTenant,
}) => {
  const [appA, appB] = target.appUrls as [string, string];
  const busy = await createApiKey(owner, { name: "busy" });
  const other = await createApiKey(owner, { name: "other" });
  const list = async (app: string, key: string) => {
    const res = await fetch(`${app}/api/v1/tenants`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return { res, body: (await res.json()) as unknown };
  };

  // The minute's requests, alternating between the processes, AT_ONCE at a time.
  const statuses: number[] = [];
  for (let sent = 0; sent < PER_MINUTE; sent += AT_ONCE) {
    const batch = Array.from({ length: AT_ONCE }, (_, i) =>
      list((sent + i) % 2 ? appB : appA, busy.key).then(({ res }) => res.status),
    );
    statuses.push(...(await Promise.all(batch)));
  }
  expect(statuses).toEqual(Array(PER_MINUTE).fill(200));

  for (const app of [appA, appB]) {
    const refused = await list(app, busy.key);
    expect(refused.res.status, app).toBe(429);
    const retryAfter = Number(refused.res.headers.get("retry-after"));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, app).toBe(true);
    expect(errorBody.parse(refused.body)).toEqual({
      error: {
        code: "rate_limited",
        message: `This API key made more than ${PER_MINUTE} requests this minute; retry later`,
      },
    });

    const served = await list(app, other.key);
    expect(served.res.status, app).toBe(200);
    expect(JSON.stringify(served.body)).toContain(ownerTenant);
  }
});
