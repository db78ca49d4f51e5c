import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { emulatorOf } from "../support/api";
import { targets, ZOOM_APP } from "../support/targets";

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

for (const target of targets) {
  const webhookUrl = `${target.appUrls[0]}/api/zoom/webhook`;
  const post = (headers: Record<string, string>, body: string) =>
    fetch(webhookUrl, { method: "POST", headers, body });

  test.describe(`POST /api/zoom/webhook on ${target.name}`, () => {
    const validation = JSON.stringify({
      event: "endpoint.url_validation",
      payload: { plainToken: "abc123" },
      event_ts: Date.now(),
    });

    test("answers Zoom's URL validation with the HMAC of the plain token", async () => {
      const res = await post(signed(validation), validation);
      expect(res.status).toBe(200);
      const expected = createHmac("sha256", ZOOM_APP.webhookSecretToken)
        .update("abc123")
        .digest("hex");
      expect(await res.json()).toEqual({ plainToken: "abc123", encryptedToken: expected });
      expect((await emulatorOf(target).urlValidation()).body).toMatchObject({ ok: true });
    });

    const refusals: [string, () => Record<string, string>, RegExp][] = [
      [
        "a forged signature",
        () => signed(validation, undefined, "not-the-secret"),
        /bad signature/,
      ],
      [
        "a stale timestamp",
        () => signed(validation, Math.floor(Date.now() / 1000) - 3600),
        /stale/,
      ],
      ["no signature headers", () => ({ "content-type": "application/json" }), /missing/],
      [
        "a body changed after signing",
        () => signed(validation.replace("abc123", "abc124")),
        /bad signature/,
      ],
    ];
    for (const [what, headers, message] of refusals) {
      test(`refuses ${what} with 401`, async () => {
        const res = await post(headers(), validation);
        expect(res.status).toBe(401);
        expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
          message,
        );
      });
    }

    test("rejects a signed but malformed event with 400 and ignores unknown events", async () => {
      const malformed = JSON.stringify({ event: "app_deauthorized", payload: { user_id: "" } });
      expect((await post(signed(malformed), malformed)).status).toBe(400);
      const notJson = "{oops";
      expect((await post(signed(notJson), notJson)).status).toBe(400);
      const other = JSON.stringify({ event: "meeting.started", payload: {} });
      const res = await post(signed(other), other);
      expect([res.status, await res.json()]).toEqual([200, { ignored: "meeting.started" }]);
    });

    test("a deauthorization for an unknown Zoom user is accepted and changes nothing", async () => {
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
      const res = await post(signed(body), body);
      expect([res.status, await res.json()]).toEqual([200, { applied: false }]);
    });
  });
}
