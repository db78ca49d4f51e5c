import { createHmac } from "node:crypto";
import { expect, test } from "../support/fixtures";
import { errorBody, parseJson, readJson } from "../support/schemas";
import { ZOOM_APP } from "../support/targets";

function signed(
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret: string = ZOOM_APP.webhookSecretToken,
) {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    "content-type": "application/json",
    "x-zm-request-timestamp": String(timestamp),
    "x-zm-signature": signature,
  };
}

const post = (appUrl: string, headers: Record<string, string>, body: string) =>
  fetch(`${appUrl}/api/zoom/webhook`, { method: "POST", headers, body });

test.describe("Zoom webhook", () => {
  const validation = JSON.stringify({
    event: "endpoint.url_validation",
    payload: { plainToken: "abc123" },
    event_ts: Date.now(),
  });

  test("POST /api/zoom/webhook – answers Zoom's URL validation with the HMAC of the plain token", async ({
    appUrl,
    emulator,
  }) => {
    const res = await post(appUrl, signed(validation), validation);
    expect(res.status).toBe(200);
    const expected = createHmac("sha256", ZOOM_APP.webhookSecretToken)
      .update("abc123")
      .digest("hex");
    expect(await readJson(res)).toEqual({ plainToken: "abc123", encryptedToken: expected });
    expect((await emulator.urlValidation()).body).toMatchObject({ ok: true });
  });

  const refusals: [string, () => Record<string, string>, RegExp][] = [
    ["a forged signature", () => signed(validation, undefined, "not-the-secret"), /bad signature/],
    ["a stale timestamp", () => signed(validation, Math.floor(Date.now() / 1000) - 3600), /stale/],
    ["no signature headers", () => ({ "content-type": "application/json" }), /missing/],
    [
      "a body changed after signing",
      () => signed(validation.replace("abc123", "abc124")),
      /bad signature/,
    ],
  ];
  for (const [what, headers, message] of refusals) {
    test(`POST /api/zoom/webhook – 401 for ${what}`, async ({ appUrl }) => {
      const res = await post(appUrl, headers(), validation);
      expect(res.status).toBe(401);
      expect((await parseJson(res, errorBody)).error.message).toMatch(message);
    });
  }

  test("POST /api/zoom/webhook – 400 for a signed but malformed event; unknown events are ignored", async ({
    appUrl,
  }) => {
    const malformed = JSON.stringify({ event: "app_deauthorized", payload: { user_id: "" } });
    expect((await post(appUrl, signed(malformed), malformed)).status).toBe(400);
    const notJson = "{oops";
    expect((await post(appUrl, signed(notJson), notJson)).status).toBe(400);
    const other = JSON.stringify({ event: "meeting.started", payload: {} });
    const res = await post(appUrl, signed(other), other);
    expect([res.status, await readJson(res)]).toEqual([200, { ignored: "meeting.started" }]);
  });

  test("POST /api/zoom/webhook – a deauthorization for an unknown Zoom user is accepted and changes nothing", async ({
    appUrl,
  }) => {
    const body = JSON.stringify({
      event: "app_deauthorized",
      payload: {
        user_id: "nobody",
        account_id: "a",
        client_id: ZOOM_APP.clientId,
        deauthorization_time: new Date().toISOString(),
        signature: "x",
      },
    });
    const res = await post(appUrl, signed(body), body);
    expect([res.status, await readJson(res)]).toEqual([200, { applied: false }]);
  });
});
