import { describe, expect, it, vi } from "vitest";
import { DroppedConnection } from "./faults";
import {
  apiGet,
  authorizeUrl,
  basic,
  consent,
  formPost,
  REDIRECT_URI,
  setup,
} from "./test-helpers";

const control = (h: ReturnType<typeof setup>, path: string, body?: unknown, method = "POST") =>
  h.send(
    new Request(`${h.base}/_emulator${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );

describe("test controls", () => {
  it("answer 404 when controls are disabled", async () => {
    const h = setup({ controls: false });
    for (const [path, method] of [
      ["/stats", "GET"],
      ["/users", "GET"],
      ["/clock", "POST"],
      ["/faults", "POST"],
      ["/reset", "POST"],
    ] as const) {
      expect(
        (await control(h, path, method === "POST" ? {} : undefined, method)).status,
        path,
      ).toBe(404);
    }
  });

  it("advance the clock, list users and register clients", async () => {
    const h = setup();
    const before = h.emulator.clock.now();
    expect((await control(h, "/clock", { advanceSeconds: 60 })).status).toBe(200);
    expect(h.emulator.clock.now() - before).toBeGreaterThanOrEqual(60_000);
    expect((await control(h, "/clock", { advanceSeconds: "x" })).status).toBe(400);

    const client = {
      clientId: "client-b",
      clientSecret: "secret-b",
      redirectUris: [REDIRECT_URI],
      scopes: ["user:read:user"],
    };
    expect((await control(h, "/clients", client)).status).toBe(201);
    expect((await control(h, "/clients", { clientId: "x" })).status).toBe(400);
    const target = await consent(h.send, authorizeUrl(h.base, { client_id: "client-b" }), {
      email: "grace@example.com",
      display_name: "Grace",
    });
    const res = await formPost(
      h.send,
      `${h.base}/oauth/token`,
      {
        grant_type: "authorization_code",
        code: target.searchParams.get("code") ?? "",
        redirect_uri: REDIRECT_URI,
      },
      basic("client-b", "secret-b"),
    );
    expect(await res.json()).toMatchObject({ scope: "user:read:user" });

    const users = (await (await control(h, "/users", undefined, "GET")).json()) as {
      users: unknown[];
    };
    expect(users.users).toMatchObject([
      {
        email: "grace@example.com",
        display_name: "Grace",
        authorized_apps: [{ client_id: "client-b" }],
      },
    ]);
  });
});

describe("faults", () => {
  it("rate_limit answers Zoom's 429 for the next n requests only", async () => {
    const h = setup();
    const { access_token } = await h.login();
    expect(
      (await control(h, "/faults", { endpoint: "users_me", kind: "rate_limit", times: 2 })).status,
    ).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await apiGet(h.send, `${h.base}/v2/users/me`, access_token);
      expect(res.status).toBe(429);
      expect(res.headers.get("x-ratelimit-category")).toBe("Light");
      expect(res.headers.get("x-ratelimit-type")).toBe("QPS");
      expect(res.headers.get("retry-after")).toBe("1");
      expect(await res.json()).toEqual({
        code: 429,
        message:
          "You have reached the maximum per-second rate limit for this API. Try again later.",
      });
    }
    expect((await apiGet(h.send, `${h.base}/v2/users/me`, access_token)).status).toBe(200);
    expect(h.emulator.stats().endpoints.users_me).toBe(3);
  });

  it("drop_after_commit commits the rotation, then drops the connection", async () => {
    const h = setup();
    const tokens = await h.login();
    h.emulator.setFault({
      endpoint: "token",
      kind: "drop_after_commit",
      grantType: "refresh_token",
    });
    await expect(h.refresh(tokens.refresh_token)).rejects.toBeInstanceOf(DroppedConnection);
    expect(h.emulator.stats().grants.refresh_token).toBe(1);
    expect(await (await h.refresh(tokens.refresh_token)).json()).toEqual({
      reason: "Invalid Token!",
      error: "invalid_grant",
    });
    expect(h.emulator.stats().invalidGrant).toBe(1);
  });

  it("forSeconds applies a fault to every matching request until the emulator's clock passes it", async () => {
    const h = setup();
    const tokens = await h.login();
    h.emulator.setFault({ endpoint: "token", kind: "server_error", forSeconds: 30 });
    for (let i = 0; i < 3; i++) expect((await h.refresh(tokens.refresh_token)).status).toBe(500);
    h.emulator.clock.advance(31);
    expect((await h.refresh(tokens.refresh_token)).status).toBe(200);
  });

  it("a drop with latencyMs still commits nothing", async () => {
    const h = setup();
    const tokens = await h.login();
    h.emulator.setFault({ endpoint: "token", kind: "drop", latencyMs: 20 });
    await expect(h.refresh(tokens.refresh_token)).rejects.toBeInstanceOf(DroppedConnection);
    expect((await h.refresh(tokens.refresh_token)).status).toBe(200);
  });

  it("drop loses the request without committing anything", async () => {
    const h = setup();
    const tokens = await h.login();
    await control(h, "/faults", { endpoint: "token", kind: "drop" });
    await expect(h.refresh(tokens.refresh_token)).rejects.toBeInstanceOf(DroppedConnection);
    expect((await h.refresh(tokens.refresh_token)).status).toBe(200);
    expect(h.emulator.stats().grants.refresh_token).toBe(1);
  });

  it("grantType restricts a token fault; server_error and latency behave", async () => {
    const h = setup();
    h.emulator.setFault({
      endpoint: "token",
      kind: "server_error",
      status: 503,
      grantType: "refresh_token",
    });
    const tokens = await h.login(); // authorization_code is not affected
    const res = await h.refresh(tokens.refresh_token);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 503 });

    h.emulator.setFault({ endpoint: "zak", kind: "latency", latencyMs: 30 });
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      let settled = false;
      const pending = apiGet(h.send, `${h.base}/v2/users/me/zak`, tokens.access_token).finally(
        () => (settled = true),
      );
      await vi.advanceTimersByTimeAsync(29);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("are validated, cleared by DELETE, and reset clears faults and counters", async () => {
    const h = setup();
    expect((await control(h, "/faults", { endpoint: "nope", kind: "drop" })).status).toBe(400);
    expect((await control(h, "/faults", { endpoint: "token", kind: "explode" })).status).toBe(400);
    await control(h, "/faults", { endpoint: "revoke", kind: "rate_limit" });
    expect((await control(h, "/faults", undefined, "DELETE")).status).toBe(200);
    expect((await formPost(h.send, `${h.base}/oauth/revoke`, { token: "x" })).status).toBe(400);

    await control(h, "/faults", { endpoint: "token", kind: "rate_limit" });
    await control(h, "/reset");
    const tokens = await h.login();
    expect(tokens.access_token).toBeTruthy();
    const stats: unknown = await (await control(h, "/stats", undefined, "GET")).json();
    expect(stats).toEqual({
      grants: { authorization_code: 1, refresh_token: 0 },
      endpoints: { token: 1, users_me: 0, user_token: 0, zak: 0, jointoken: 0, revoke: 0 },
      invalidGrant: 0,
      rateLimited: { QPS: 0, "Daily-limit": 0 },
    });
  });

  it("create meetings for a user and change the scopes a client's next consents grant", async () => {
    const h = setup();
    await h.login("ada@example.com");
    const created = await control(h, "/users/ada%40example.com/meetings", {});
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^\d{11}$/);
    expect((await control(h, "/users/nobody%40example.com/meetings", {})).status).toBe(404);

    expect((await control(h, "/clients/client-a/scopes", { scopes: "x" })).status).toBe(400);
    expect((await control(h, "/clients/nope/scopes", { scopes: [] })).status).toBe(404);
    const changed = await control(h, "/clients/client-a/scopes", { scopes: ["user:read:token"] });
    expect(changed.status).toBe(200);
    expect((await h.login("grace@example.com")).scope).toBe("user:read:token");
  });
});
