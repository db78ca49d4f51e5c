// A refresh stuck at Zoom must hold nothing another tenant needs (on PGlite: the one connection).
import { createZakUrl } from "../support/api";
import { expect, test } from "../support/fixtures";

test("GET /api/zak/:tenant – tenant B is served while tenant A's refresh hangs at Zoom for the whole timeout", async ({
  connectTenant,
  emulator,
}) => {
  const a = await connectTenant();
  const aUrl = (await createZakUrl(a.owner, a.slug)).zakUrl;
  // Zoom refuses A's cached access token (code 124), so A's next request refreshes.
  await emulator.expireAccessTokens();
  const b = await connectTenant();
  const bUrl = (await createZakUrl(b.owner, b.slug)).zakUrl;
  const before = (await emulator.stats()).endpoints.token ?? 0;
  await emulator.fault({
    endpoint: "token",
    kind: "latency",
    latencyMs: 1500, // the app's ZOOM_TIMEOUT_MS
    grantType: "refresh_token",
  });

  const finished: string[] = [];
  const slow = fetch(aUrl).then((res) => finished.push(`a:${res.status}`));
  // A's refresh is at Zoom now.
  await expect.poll(async () => (await emulator.stats()).endpoints.token).toBeGreaterThan(before);
  const fast = await fetch(bUrl);
  finished.push(`b:${fast.status}`);
  await slow;
  expect(finished[0]).toBe("b:200");
  expect(finished[1]).toMatch(/^a:(200|503)$/);
});
