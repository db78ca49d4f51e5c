import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiGet, CLIENT, formPost, setup, type CapturedWebhook } from "./test-helpers";
import { signZoomWebhook } from "./webhooks";

function verify(hook: CapturedWebhook, secret: string): boolean {
  const timestamp = hook.headers.get("x-zm-request-timestamp") ?? "";
  const expected = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${hook.body}`).digest("hex")}`;
  return hook.headers.get("x-zm-signature") === expected;
}

describe("app_deauthorized webhook", () => {
  it("is sent, signed, after /oauth/revoke, and the token set is dead", async () => {
    const h = setup();
    const tokens = await h.login("ada@example.com");
    const userId = (
      (await (await apiGet(h.send, `${h.base}/v2/users/me`, tokens.access_token)).json()) as {
        id: string;
      }
    ).id;
    const res = await formPost(h.send, `${h.base}/oauth/revoke`, { token: tokens.access_token });
    expect(await res.json()).toEqual({ status: "success" });
    await h.emulator.idle();

    expect(h.webhooks).toHaveLength(1);
    const hook = h.webhooks[0] as CapturedWebhook;
    expect(hook.url).toBe(CLIENT.webhookUrl);
    expect(verify(hook, "webhook-secret")).toBe(true);
    expect(verify(hook, "other-secret")).toBe(false);
    expect(hook.headers.get("user-agent")).toBe("Zoom Marketplace/1.0a");
    expect(hook.headers.get("x-zm-request-id")).toBeTruthy();
    expect(Number(hook.headers.get("x-zm-request-timestamp"))).toBeCloseTo(Date.now() / 1000, -1);
    const body = JSON.parse(hook.body) as {
      event: string;
      event_ts: number;
      payload: Record<string, string>;
    };
    expect(body.event).toBe("app_deauthorized");
    expect(body.payload).toMatchObject({
      user_id: userId,
      client_id: CLIENT.clientId,
    });
    expect(body.payload.account_id).toMatch(/\S/);
    expect(body.payload.signature).toMatch(/\S/);
    expect(new Date(body.payload.deauthorization_time ?? "").getTime()).toBeCloseTo(
      body.event_ts,
      -3,
    );

    expect((await apiGet(h.send, `${h.base}/v2/users/me`, tokens.access_token)).status).toBe(401);
    expect((await h.refresh(tokens.refresh_token)).status).toBe(400);
    expect(h.emulator.listUsers()[0]?.authorized_apps).toEqual([]);
    expect(h.emulator.webhookDeliveries()).toMatchObject([
      { event: "app_deauthorized", status: 204, ok: true },
    ]);
  });

  it("is sent when the user deauthorizes from the /apps page", async () => {
    const h = setup({ basePath: "/zoom-emulator" });
    await h.login("ada@example.com");
    const [user] = h.emulator.listUsers();
    const page = await (await h.send(new Request(`${h.base}/apps`))).text();
    expect(page).toContain("Deauthorize");
    const res = await h.send(
      new Request(`${h.base}/apps/deauthorize`, {
        method: "POST",
        body: new URLSearchParams({ user_id: user?.id ?? "", client_id: CLIENT.clientId }),
      }),
    );
    expect(res.headers.get("location")).toBe("/zoom-emulator/apps");
    await h.emulator.idle();
    expect(h.webhooks).toHaveLength(1);
  });

  it("is sent by the deauthorize control, by email, with the delivery result", async () => {
    const h = setup();
    await h.login("ada@example.com");
    const res = await h.send(
      new Request(`${h.base}/_emulator/users/ADA@example.com/deauthorize`, { method: "POST" }),
    );
    expect(await res.json()).toMatchObject({
      deauthorized: [{ clientId: CLIENT.clientId, webhook: { ok: true, status: 204 } }],
    });
    expect(verify(h.webhooks[0] as CapturedWebhook, "webhook-secret")).toBe(true);
    const again = await h.send(
      new Request(`${h.base}/_emulator/users/ada@example.com/deauthorize`, { method: "POST" }),
    );
    expect(await again.json()).toEqual({ deauthorized: [] });
    expect(
      (
        await h.send(
          new Request(`${h.base}/_emulator/users/nobody/deauthorize`, { method: "POST" }),
        )
      ).status,
    ).toBe(404);
  });

  it("signZoomWebhook matches Zoom's v0 scheme", () => {
    expect(signZoomWebhook("s3cret", 1700000000, '{"a":1}')).toBe(
      `v0=${createHmac("sha256", "s3cret").update('v0:1700000000:{"a":1}').digest("hex")}`,
    );
  });
});

describe("endpoint.url_validation", () => {
  const answer = (secret: string) => (raw: string) => {
    const { plainToken } = (JSON.parse(raw) as { payload: { plainToken: string } }).payload;
    return Response.json({
      plainToken,
      encryptedToken: createHmac("sha256", secret).update(plainToken).digest("hex"),
    });
  };

  it("reports ok when the endpoint answers the challenge correctly", async () => {
    const h = setup({}, answer("webhook-secret"));
    const res = await h.send(new Request(`${h.base}/_emulator/url-validation`, { method: "POST" }));
    expect(await res.json()).toEqual({ ok: true, status: 200 });
    const sent = JSON.parse(h.webhooks[0]?.body ?? "{}") as {
      event: string;
      payload: { plainToken: string };
    };
    expect(sent.event).toBe("endpoint.url_validation");
    expect(sent.payload.plainToken).toBeTruthy();
  });

  it("reports not ok for a wrong HMAC or a non-JSON answer", async () => {
    expect(await setup({}, answer("wrong")).emulator.sendUrlValidation()).toMatchObject({
      ok: false,
      reason: "encryptedToken does not match",
    });
    expect(await setup({}, () => new Response("ok")).emulator.sendUrlValidation()).toMatchObject({
      ok: false,
    });
  });
});
