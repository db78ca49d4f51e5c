import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  authorizeUrl,
  basic,
  CLIENT,
  consent,
  formPost,
  pkcePair,
  REDIRECT_URI,
  setup,
} from "./test-helpers";

async function codeFor(
  h: ReturnType<typeof setup>,
  params: Record<string, string> = {},
  email = "ada@example.com",
) {
  const target = await consent(h.send, authorizeUrl(h.base, params), {
    email,
    display_name: "Ada Lovelace",
  });
  return target.searchParams.get("code") ?? "";
}

function exchange(h: ReturnType<typeof setup>, code: string, extra: Record<string, string> = {}) {
  return formPost(h.send, `${h.base}/oauth/token`, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT_URI,
    ...extra,
  });
}

describe("authorize + consent", () => {
  it("renders a labelled consent form and redirects with code and state on Allow", async () => {
    const h = setup();
    const page = await h.send(new Request(authorizeUrl(h.base)));
    const html = await page.text();
    expect(page.status).toBe(200);
    for (const name of ["request_id", "display_name", "email", "pic_url", "user_id"])
      expect(html).toContain(`name="${name}"`);
    expect(html).toContain("Zoom emulator");
    expect(html).toMatch(/value="allow">Allow</);
    const target = await consent(h.send, authorizeUrl(h.base), { email: "ada@example.com" });
    expect(`${target.origin}${target.pathname}`).toBe(REDIRECT_URI);
    expect(target.searchParams.get("state")).toBe("st-1");
    expect(target.searchParams.get("code")).toMatch(/.{20,}/);
  });

  it("redirects with error=access_denied on Deny", async () => {
    const h = setup();
    const target = await consent(h.send, authorizeUrl(h.base), { decision: "deny" });
    expect(target.searchParams.get("error")).toBe("access_denied");
    expect(target.searchParams.get("state")).toBe("st-1");
    expect(target.searchParams.has("code")).toBe(false);
  });

  it("shows an error page, never a redirect, for an unregistered redirect_uri or client", async () => {
    const h = setup();
    const res = await h.send(
      new Request(authorizeUrl(h.base, { redirect_uri: "https://evil.test/cb" })),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("4709");
    expect((await h.send(new Request(authorizeUrl(h.base, { client_id: "nope" })))).status).toBe(
      400,
    );
  });

  it("re-renders the form with 400 for an invalid email and keeps the request usable", async () => {
    const h = setup();
    const html = await (await h.send(new Request(authorizeUrl(h.base)))).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const post = (email: string) =>
      h.send(
        new Request(`${h.base}/oauth/consent`, {
          method: "POST",
          body: new URLSearchParams({ request_id: requestId, decision: "allow", email }),
        }),
      );
    const bad = await post("not-an-email");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("valid email");
    expect((await post("ada@example.com")).status).toBe(302);
    expect((await post("ada@example.com")).status).toBe(400); // request ids are single use
  });

  it("identifies users by email and builds pic_url from origin + basePath", async () => {
    const h = setup({ basePath: "/zoom-emulator" });
    const me = async (t: string) =>
      (await (
        await h.send(
          new Request(`${h.base}/v2/users/me`, { headers: { authorization: `Bearer ${t}` } }),
        )
      ).json()) as { id: string; pic_url: string };
    const first = await h.login("Ada@Example.com", { avatar: "mint" });
    const a = await me(first.access_token);
    const b = await me((await h.login("ada@example.com")).access_token);
    expect(a.id).toHaveLength(22);
    expect(b.id).toBe(a.id);
    expect(a.pic_url).toBe("https://zoom.test/zoom-emulator/avatars/mint.svg");
    expect(first.api_url).toBe("https://zoom.test/zoom-emulator");
    const svg = await h.send(new Request(a.pic_url));
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
  });
});

describe("token endpoint: authorization_code", () => {
  it("answers with Zoom's token response shape", async () => {
    const h = setup();
    const body = await h.login();
    expect(Object.keys(body).sort()).toEqual([
      "access_token",
      "api_url",
      "expires_in",
      "refresh_token",
      "scope",
      "token_type",
    ]);
    expect(body).toMatchObject({
      token_type: "bearer",
      expires_in: 3599,
      scope: "user:read:token user:read:user user:read:zak meeting:read:local_recording_token",
      api_url: "https://zoom.test",
    });
    const payload = JSON.parse(
      Buffer.from(body.access_token.split(".")[1] ?? "", "base64url").toString(),
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({ tokenType: "access_token" });
    expect(payload.exp).toBe((payload.iat as number) + 3600);
  });

  it("refuses a reused code and an expired one", async () => {
    const h = setup();
    const code = await codeFor(h);
    expect((await exchange(h, code)).status).toBe(200);
    const reused = await exchange(h, code);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
    const late = await codeFor(h);
    h.emulator.clock.advance(301);
    expect((await exchange(h, late)).status).toBe(400);
    expect(h.emulator.stats().invalidGrant).toBe(2);
  });

  it("accepts a code just inside its 5 minutes", async () => {
    const h = setup();
    const code = await codeFor(h);
    h.emulator.clock.advance(299);
    expect((await exchange(h, code)).status).toBe(200);
  });

  it("requires the same redirect_uri as at authorize", async () => {
    const h = setup({
      clients: [{ ...CLIENT, redirectUris: [REDIRECT_URI, "https://app.test/other"] }],
    });
    const res = await exchange(h, await codeFor(h), { redirect_uri: "https://app.test/other" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ reason: "Redirect URI mismatch.", error: "invalid_grant" });
  });

  it("checks PKCE S256, plain, and an omitted method as plain", async () => {
    const h = setup();
    const { verifier, challenge } = pkcePair();
    const s256 = (p: Record<string, string>) => codeFor(h, { code_challenge: challenge, ...p });
    expect(
      (
        await exchange(h, await s256({ code_challenge_method: "S256" }), {
          code_verifier: verifier,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await exchange(h, await s256({ code_challenge_method: "S256" }), {
          code_verifier: `${verifier}x`,
        })
      ).status,
    ).toBe(400);
    expect((await exchange(h, await s256({ code_challenge_method: "S256" }))).status).toBe(400); // verifier missing
    expect(
      (
        await exchange(h, await s256({ code_challenge_method: "plain" }), {
          code_verifier: challenge,
        })
      ).status,
    ).toBe(200);
    // No method: Zoom treats the challenge as plain, so the S256 verifier fails and the challenge itself works.
    expect((await exchange(h, await s256({}), { code_verifier: verifier })).status).toBe(400);
    expect((await exchange(h, await s256({}), { code_verifier: challenge })).status).toBe(200);
    expect(createHash("sha256").update(verifier).digest("base64url")).toBe(challenge);
  });

  it("rejects bad client credentials with 401 and unknown grants with 400", async () => {
    const h = setup();
    const code = await codeFor(h);
    for (const auth of [basic(CLIENT.clientId, "wrong"), ""]) {
      const res = await formPost(
        h.send,
        `${h.base}/oauth/token`,
        { grant_type: "authorization_code", code },
        auth,
      );
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        reason: "Invalid client_id or client_secret",
        error: "invalid_client",
      });
    }
    const res = await formPost(h.send, `${h.base}/oauth/token`, { grant_type: "password" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      reason: "Unsupported grant type",
      error: "unsupported_grant_type",
    });
  });
});
