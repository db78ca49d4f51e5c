// Outbound webhooks and break emails on two app processes sharing one PostgreSQL: a local receiver
// verifies every signature with `standardwebhooks`, a real SMTP server (smtp-server) collects the
// emails. Retries are sped up with WEBHOOK_RETRY_BASE_SECONDS=2 (2 s, 4 s, 8 s, …).
import { v1Client } from "../support/api-keys";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import {
  authorizeOutsideApp,
  connectZoom,
  consentAndReturn,
  createTenant,
  createZakUrl,
  signedInUser,
  uniqueEmail,
  type SignedIn,
} from "../support/api";
import { startOpsStack, type OpsStack } from "../support/ops-stack";
import { ZOOM_APP } from "../support/targets";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const adminUrl = process.env.E2E_DATABASE_URL;

interface Mail {
  to: string[];
  text: string;
}

/** A real SMTP server that accepts every message without authentication and keeps it. */
async function startSmtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let text = "";
      stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
      stream.on("end", () => {
        // Undo quoted-printable soft line breaks and escapes, so assertions read the plain text.
        const plain = text
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text: plain });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.describe.serial("outbound webhooks and break emails on two app processes", () => {
  test.skip(!adminUrl, "needs PostgreSQL (E2E_DATABASE_URL)");
  test.setTimeout(90_000);

  let stack: OpsStack;
  let receiver: WebhookReceiver;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sql: postgres.Sql;
  let owner: SignedIn;
  let slug: string;
  let env: Record<string, string>;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    [receiver, smtp] = await Promise.all([startWebhookReceiver(), startSmtp()]);
    stack = await startOpsStack(adminUrl!, 2, { zoomWebhooks: true });
    env = {
      TOKEN_ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 3).toString("base64")}`,
      WEBHOOK_ALLOW_PRIVATE_URLS: "1",
      WEBHOOK_RETRY_BASE_SECONDS: "2",
      SMTP_URL: smtp.url,
      EMAIL_FROM: "ZAK Broker <alerts@broker.test>",
    };
    await stack.start(0, env);
    sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    owner = await signedInUser(stack.urls[0]!);
    slug = await createTenant(owner);
  });

  test.afterAll(async () => {
    await owner?.http.dispose();
    await sql?.end();
    await stack?.close();
    await Promise.all([receiver?.close(), smtp?.close()]);
  });

  const deliveriesOf = (eventId: string) =>
    sql`select status, attempts, lease_owner from outbox_deliveries where event_id = ${eventId}`;

  test("an endpoint answering 500 three times then 200 gets the signed event once, across a kill -9 of the only app process between retries", async () => {
    const created = await owner.http.post(`/api/tenants/${slug}/webhooks`, {
      data: { url: receiver.url }, // every event
    });
    expect(created.status()).toBe(201);
    const endpoint = (await created.json()) as { id: string; secret: string };
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    receiver.setSecret(endpoint.secret);
    const listed = await owner.http.get(`/api/tenants/${slug}/webhooks`);
    expect(await listed.text()).not.toContain(endpoint.secret);

    receiver.failures.set("connection.connected", 3);
    await connectZoom(owner, slug, { email: uniqueEmail("hook") });
    await expect.poll(() => receiver.of("connection.connected").length).toBe(1);
    const eventId = receiver.hits[0]!.id;
    // A failed attempt is recorded (lease freed): the process dies while it waits to retry.
    await expect
      .poll(async () => (await deliveriesOf(eventId))[0])
      .toMatchObject({ status: "pending", lease_owner: null });
    await stack.app(0).stop("SIGKILL");
    const hitsBeforeRestart = receiver.of("connection.connected").length;
    expect(hitsBeforeRestart).toBeLessThan(4);
    await stack.start(0, env);

    await expect
      .poll(() => receiver.of("connection.connected").map((h) => h.status), { timeout: 30_000 })
      .toEqual([500, 500, 500, 200]);
    const hits = receiver.of("connection.connected");
    expect(hits.every((h) => h.id === eventId && h.verified)).toBe(true);
    expect(hits[3]!.body).toMatchObject({
      type: "connection.connected",
      data: { tenant: slug, zoomUser: { email: expect.stringMatching(/^hook-/) } },
    });
    expect((await deliveriesOf(eventId))[0]).toMatchObject({ status: "delivered", attempts: 4 });
    const view = (await (await owner.http.get(`/api/tenants/${slug}/webhooks`)).json()) as {
      endpoints: { deliveries: { status: string; attempts: number; lastStatusCode: number }[] }[];
    };
    expect(view.endpoints[0]!.deliveries[0]).toMatchObject({
      status: "delivered",
      attempts: 4,
      lastStatusCode: 200,
    });
  });

  test("two app processes deliver each event once; resend sends it again with the same webhook-id", async () => {
    await stack.start(1, env);
    const secretIds: string[] = [];
    for (let i = 0; i < 12; i++) secretIds.push((await createZakUrl(owner, slug, `bot ${i}`)).id);
    for (const id of secretIds)
      expect((await owner.http.delete(`/api/tenants/${slug}/secrets/${id}`)).status()).toBe(200);

    await expect
      .poll(async () => {
        const [row] = await sql`select count(*)::int as n from outbox_deliveries d
          join outbox_events e on e.id = d.event_id
          where e.type = 'url_secret.revoked' and d.status = 'delivered'`;
        return row!.n as number;
      })
      .toBe(12);
    const revoked = receiver.of("url_secret.revoked");
    const ids = new Set(revoked.map((h) => h.id));
    expect(ids.size).toBe(12);
    expect(revoked).toHaveLength(12);
    expect(revoked.every((h) => h.verified && h.status === 200)).toBe(true);
    expect(
      revoked.map((h) => (h.body.data as { urlSecret: { id: string } }).urlSecret.id).sort(),
    ).toEqual([...secretIds].sort());

    const [delivery] = await sql`select d.id from outbox_deliveries d
      join outbox_events e on e.id = d.event_id where e.id = ${revoked[0]!.id}`;
    const resend = await owner.http.post(
      `/api/tenants/${slug}/webhooks/deliveries/${delivery!.id as string}/resend`,
    );
    expect(resend.status()).toBe(201);
    await expect.poll(() => receiver.hits.filter((h) => h.id === revoked[0]!.id).length).toBe(2);
  });

  test("each break mails the owners once with a working reconnect link; repeats of the same break do not", async () => {
    receiver.failures.clear();
    const zoomEmail = (await sql`select email from zoom_grants`)[0]!.email as string;
    // 1. Deauthorized at Zoom, then the same deauthorization again.
    await stack.emulator.deauthorize(zoomEmail, ZOOM_APP.clientId);
    await expect.poll(() => smtp.mails.length, { timeout: 30_000 }).toBe(1);
    await stack.emulator.deauthorize(zoomEmail, ZOOM_APP.clientId);
    const [deauthMail] = smtp.mails;
    const [disconnected] = receiver.of("connection.disconnected");
    expect(disconnected?.body.data).toMatchObject({ tenant: slug, by: "zoom" });
    expect(deauthMail!.to).toEqual([owner.email]);
    expect(deauthMail!.text).toContain("removed the app");
    // The tenant page on the app that sent it (each process has its own APP_URL here).
    const link = new RegExp(`http://127\\.0\\.0\\.1:\\d+/tenants/${slug}`).exec(
      deauthMail!.text,
    )?.[0];
    expect(link).toBeDefined();
    expect(stack.urls.some((url) => link!.startsWith(url))).toBe(true);
    const signedOut = await fetch(link!, { redirect: "manual" });
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get("location")).toContain(
      `/sign-in?callbackUrl=${encodeURIComponent(`/tenants/${slug}`)}`,
    );
    // Followed as the signed-in owner: the tenant page, whose Zoom card says why the connection
    // broke and has the Reconnect action, used below to reconnect.
    const followed = await owner.http.get(link!);
    expect(followed.status()).toBe(200);
    const page = await followed.text();
    expect(page).toContain(`Tenant ${slug}`);
    expect(page).toContain('data-testid="connection-card"');
    const card = page.slice(page.indexOf('data-testid="connection-card"'));
    expect(card).toContain('data-testid="zoom-disconnected-reason"');
    const reconnectForm =
      /<form (?=[^>]*\bmethod="post")[^>]*\baction="([^"]+)"[^>]*><button type="submit"[^>]*>Reconnect<\/button>/;
    const reconnect = reconnectForm.exec(card)?.[1];
    expect(reconnect).toBe(`/api/tenants/${slug}/zoom/connect`);

    // 2. Reconnected, then Zoom refuses the refresh token (the user authorized the app elsewhere):
    //    reauth_required. The grant is then forced active again, and the next refresh fails again.
    const hostEmail = uniqueEmail("host");
    const reconnected = await consentAndReturn(
      owner.http,
      await owner.http.post(new URL(reconnect!, link).toString()),
      { email: hostEmail },
    );
    expect(reconnected.searchParams.get("zoom")).toBe("connected");
    const zakPath = new URL((await createZakUrl(owner, slug)).zakUrl);
    await authorizeOutsideApp(
      { appUrls: [stack.urls[0]!], emulatorUrl: stack.emulatorUrl },
      hostEmail,
      ZOOM_APP,
    );
    const botRequest = async () => {
      await sql`update zoom_grants set status = 'active', access_token_expires_at = now() - interval '1 second'`;
      return (await fetch(`${stack.urls[1]}${zakPath.pathname}${zakPath.search}`)).status;
    };
    expect(await botRequest()).toBe(409);
    await expect.poll(() => smtp.mails.length, { timeout: 30_000 }).toBe(2);
    expect(smtp.mails[1]!.text).toContain("Reason: Zoom refused the grant");
    expect(await botRequest()).toBe(409);
    await expect.poll(() => receiver.of("connection.reauth_required").length).toBe(2);
    expect(receiver.of("connection.reauth_required")[0]!.body.data).toMatchObject({
      tenant: slug,
      reason: expect.any(String),
    });

    const events = await sql`select type, count(*)::int as n from outbox_events
      group by type order by type`;
    expect(events).toEqual(
      expect.arrayContaining([
        { type: "connection.disconnected", n: 1 },
        { type: "connection.reauth_required", n: 2 },
      ]),
    );
    const [pending] = await sql`select count(*)::int as n from outbox_deliveries
      where channel = 'email' and status <> 'delivered'`;
    expect(pending!.n).toBe(0);
    const [emails] =
      await sql`select count(*)::int as n from outbox_deliveries where channel = 'email'`;
    expect(emails!.n).toBe(2);
    expect(smtp.mails).toHaveLength(2);
  });

  test("the v1 API adds an endpoint with an API key (secret once), lists it with its deliveries, deletes it", async () => {
    const created = await owner.http.post("/api/api-keys", { data: { name: "webhooks" } });
    expect(created.status()).toBe(201);
    const { key } = (await created.json()) as { key: string };
    // Every answer is checked against the OpenAPI document (v1Client).
    const api = await v1Client(stack.urls[1]!, key);
    const path = `/api/v1/tenants/${slug}/webhooks`;
    const collection = "/api/v1/tenants/{slug}/webhooks";
    const one = "/api/v1/tenants/{slug}/webhooks/{id}";

    const refused = await api.call("POST", collection, {
      path,
      data: { url: "ftp://example.com/hook" },
    });
    expect(refused.res.status()).toBe(400);
    expect((refused.body as { error: { message: string } }).error.message).toContain("url");
    const added = await api.call("POST", collection, {
      path,
      data: { url: `${receiver.url}?v1`, events: ["url_secret.revoked"] },
    });
    expect(added.res.status()).toBe(201);
    const endpoint = added.body as { id: string; secret: string; events: string[] };
    expect(endpoint.secret).toMatch(/^whsec_/);
    expect(endpoint.events).toEqual(["url_secret.revoked"]);

    const listed = await api.call("GET", collection, { path });
    expect(listed.res.status()).toBe(200);
    const list = listed.body as {
      endpoints: { id: string; deliveries: { status: string }[] }[];
      emailAlerts: boolean;
    };
    expect(list.emailAlerts).toBe(true);
    expect(list.endpoints.map((e) => e.id)).toContain(endpoint.id);
    expect(list.endpoints[0]!.deliveries.length).toBeGreaterThan(0);
    expect(JSON.stringify(list)).not.toContain("whsec_");

    const removed = await api.call("DELETE", one, { path: `${path}/${endpoint.id}` });
    expect(removed.res.status()).toBe(200);
    const again = await api.call("DELETE", one, { path: `${path}/${endpoint.id}` });
    expect(again.res.status()).toBe(404);
    expect((await fetch(`${stack.urls[1]}${path}`)).status).toBe(401);
  });
});
