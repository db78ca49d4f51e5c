// Helpers for driving the emulator over HTTP in tests (also usable against a running server via fetch).
import { createHash, randomBytes } from "node:crypto";
import { createZoomEmulator } from "./emulator";
import { type EmulatorClient, type ZoomEmulator, type ZoomEmulatorOptions } from "./types";

export type Send = (req: Request) => Promise<Response>;

const ORIGIN = "https://zoom.test";
export const REDIRECT_URI = "https://app.test/api/zoom/callback";
export const CLIENT: EmulatorClient = {
  clientId: "client-a",
  clientSecret: "secret-a",
  redirectUris: [REDIRECT_URI],
  webhookUrl: "https://app.test/api/zoom/webhook",
  webhookSecretToken: "webhook-secret",
};

export interface TokenBody {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  api_url: string;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizeUrl(base: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    state: "st-1",
    ...params,
  });
  return `${base}/oauth/authorize?${query}`;
}

/**
 * Completes the consent page like a browser: GET the authorize URL, read the hidden request_id,
 * POST the form (decision=allow unless overridden). Returns the redirect target.
 */
export async function consent(
  send: Send,
  url: string,
  fields: Record<string, string>,
): Promise<URL> {
  const page = await send(new Request(url));
  const requestId = /name="request_id" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!requestId) throw new Error(`no request_id on consent page (HTTP ${page.status})`);
  const res = await send(
    new Request(url.replace(/\/oauth\/authorize\?.*$/, "/oauth/consent"), {
      method: "POST",
      body: new URLSearchParams({ request_id: requestId, decision: "allow", ...fields }),
    }),
  );
  const location = res.headers.get("location");
  if (!location) throw new Error(`consent did not redirect (HTTP ${res.status})`);
  return new URL(location);
}

export function basic(id = CLIENT.clientId, secret = CLIENT.clientSecret): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
}

export function formPost(
  send: Send,
  url: string,
  form: Record<string, string>,
  authorization = basic(),
): Promise<Response> {
  return send(
    new Request(url, {
      method: "POST",
      headers: { authorization },
      body: new URLSearchParams(form),
    }),
  );
}

export function apiGet(send: Send, url: string, accessToken: string): Promise<Response> {
  return send(new Request(url, { headers: { authorization: `Bearer ${accessToken}` } }));
}

export interface CapturedWebhook {
  url: string;
  headers: Headers;
  body: string;
}

/** An in-process emulator whose webhooks are captured instead of sent. */
export function setup(
  opts: Partial<ZoomEmulatorOptions> = {},
  webhookAnswer?: (body: string) => Response,
) {
  const webhooks: CapturedWebhook[] = [];
  const fakeFetch = ((input: string | URL | Request, init?: RequestInit) => {
    const body = typeof init?.body === "string" ? init.body : "";
    const url = input instanceof Request ? input.url : input.toString();
    webhooks.push({ url, headers: new Headers(init?.headers), body });
    return Promise.resolve(
      webhookAnswer ? webhookAnswer(body) : new Response(null, { status: 204 }),
    );
  }) as typeof fetch;
  const emulator: ZoomEmulator = createZoomEmulator({
    clients: [CLIENT],
    controls: true,
    fetch: fakeFetch,
    demoUsers: false,
    ...opts,
  });
  const base = `${ORIGIN}${opts.basePath ?? ""}`;
  const send: Send = (req) => emulator.handle(req);

  /** Authorizes `email` and exchanges the code; returns the token response body. */
  async function login(
    email = "ada@example.com",
    fields: Record<string, string> = {},
  ): Promise<TokenBody> {
    const { verifier, challenge } = pkcePair();
    const target = await consent(
      send,
      authorizeUrl(base, { code_challenge: challenge, code_challenge_method: "S256" }),
      { email, display_name: "Ada Lovelace", ...fields },
    );
    const res = await formPost(send, `${base}/oauth/token`, {
      grant_type: "authorization_code",
      code: target.searchParams.get("code") ?? "",
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    });
    if (res.status !== 200)
      throw new Error(`token exchange failed: ${res.status} ${await res.text()}`);
    return (await res.json()) as TokenBody;
  }

  const refresh = (refreshToken: string) =>
    formPost(send, `${base}/oauth/token`, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
    });

  return { emulator, send, base, webhooks, login, refresh };
}
