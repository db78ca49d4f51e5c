import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "./demo-users";
import { apiGet, authorizeUrl, formPost, REDIRECT_URI, setup } from "./test-helpers";

/** The user_id the consent page's one-click button for `name` submits. */
async function demoButtonUserId(
  send: (req: Request) => Promise<Response>,
  url: string,
  name: string,
) {
  const page = await (await send(new Request(url))).text();
  const form = page.split("<form").find((f) => f.includes(`<span>${name}<small>`));
  return {
    requestId: /name="request_id" value="([^"]+)"/.exec(page)?.[1] ?? "",
    userId: form && /name="user_id" value="([^"]+)"/.exec(form)?.[1],
  };
}

describe("demo users", () => {
  it("are offered on the consent page and one click signs in as that user", async () => {
    const h = setup({ demoUsers: true });
    const url = authorizeUrl(h.base);
    const { requestId, userId } = await demoButtonUserId(h.send, url, "Sam Rivera");
    expect(userId).toMatch(/^[\w-]{22}$/);
    const consent = await h.send(
      new Request(`${h.base}/oauth/consent`, {
        method: "POST",
        body: new URLSearchParams({ request_id: requestId, user_id: userId!, decision: "allow" }),
      }),
    );
    const code = new URL(consent.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const token = await formPost(h.send, `${h.base}/oauth/token`, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
    });
    const { access_token } = (await token.json()) as { access_token: string };
    const me = await apiGet(h.send, `${h.base}/v2/users/me`, access_token);
    expect(await me.json()).toMatchObject({
      id: userId,
      display_name: "Sam Rivera",
      email: "sam.rivera@example.com",
      pic_url: `${h.base}/avatars/mint.svg`,
    });
  });

  it("each host a fixed meeting, shown on the consent and apps pages, with join tokens for it", async () => {
    const h = setup({ demoUsers: true });
    const url = authorizeUrl(h.base);
    const page = await (await h.send(new Request(url))).text();
    const meetingId = /<span>Jane Host<small>[^<]* · hosts meeting (\d{11})</.exec(page)?.[1];
    expect(meetingId).toBeDefined();
    expect(setup({ demoUsers: true }).emulator.createMeeting("x")).toBeNull();
    const apps = await (await h.send(new Request(`${h.base}/apps`))).text();
    expect(apps).toContain(`Hosts meeting ${meetingId}`);

    const { access_token } = await h.login("jane.host@example.com");
    const join = await apiGet(
      h.send,
      `${h.base}/v2/meetings/${meetingId}/jointoken/local_recording`,
      access_token,
    );
    expect(join.status).toBe(200);
  });

  it("keep their ids across emulator restarts and are the same users a typed email finds", async () => {
    const first = setup({ demoUsers: true }).emulator.listUsers();
    const second = setup({ demoUsers: true });
    expect(second.emulator.listUsers().map((u) => u.id)).toEqual(first.map((u) => u.id));
    expect(first.map((u) => u.display_name)).toEqual(DEMO_USERS.map((d) => d.displayName));

    await second.login("Priya.Shah@example.com");
    const users = second.emulator.listUsers();
    expect(users).toHaveLength(DEMO_USERS.length);
    expect(users.find((u) => u.email === "priya.shah@example.com")).toMatchObject({
      id: first.find((u) => u.email === "priya.shah@example.com")?.id,
      authorized_apps: [{ client_id: "client-a" }],
    });
  });

  it("can be left out", async () => {
    const h = setup({ demoUsers: false });
    expect(h.emulator.listUsers()).toEqual([]);
    const page = await (await h.send(new Request(authorizeUrl(h.base)))).text();
    expect(page).not.toContain("demo user");
  });
});
