import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startZoomEmulatorServer } from "./node-server";
import {
  authorizeUrl,
  CLIENT,
  consent,
  formPost,
  pkcePair,
  REDIRECT_URI,
  type Send,
  type TokenBody,
} from "./test-helpers";

describe("node:http server", () => {
  let server: Awaited<ReturnType<typeof startZoomEmulatorServer>>;
  const send: Send = (req) => fetch(req, { redirect: "manual" });

  beforeAll(async () => {
    server = await startZoomEmulatorServer({
      port: 0,
      clients: [CLIENT],
      controls: true,
      basePath: "/zoom",
    });
  });
  afterAll(() => server.close());

  it("runs the OAuth flow over real HTTP and drops connections on demand", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const base = `${server.url}/zoom`;
    const { verifier, challenge } = pkcePair();
    const target = await consent(
      send,
      authorizeUrl(base, { code_challenge: challenge, code_challenge_method: "S256" }),
      { email: "ada@example.com" },
    );
    const res = await formPost(send, `${base}/oauth/token`, {
      grant_type: "authorization_code",
      code: target.searchParams.get("code") ?? "",
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    const tokens = (await res.json()) as TokenBody;
    expect(tokens.api_url).toBe(base);
    const me = await fetch(`${tokens.api_url}/v2/users/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(((await me.json()) as { pic_url: string }).pic_url).toBe(`${base}/avatars/sky.svg`);

    const fault = await fetch(`${base}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ endpoint: "token", kind: "drop_after_commit" }),
    });
    expect(fault.status).toBe(201);
    await expect(
      formPost(send, `${base}/oauth/token`, {
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
      }),
    ).rejects.toThrow(TypeError);
    expect(server.emulator.stats().grants.refresh_token).toBe(1);
    const stale = await formPost(send, `${base}/oauth/token`, {
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
    });
    expect(stale.status).toBe(400);
  });
});
