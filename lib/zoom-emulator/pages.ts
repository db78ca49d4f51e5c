import { AVATAR_CHOICES, resolvePic } from "./avatars";
import { isDemoUser } from "./demo-users";
import { escapeHtml as e, html } from "./http";
import { type EmulatorClient, type EmulatorUser } from "./types";

const CSS = `*{box-sizing:border-box}body{margin:0;font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;background:#f5f6fa;color:#232333}
header{background:#fff;border-bottom:1px solid #e4e5eb;padding:14px 24px;display:flex;gap:10px;align-items:center}
.logo{color:#0b5cff;font-weight:800;font-size:22px;letter-spacing:-.5px}.badge{font-size:12px;background:#fff4d6;color:#8a5a00;border-radius:10px;padding:2px 8px}
main{max-width:560px;margin:32px auto;background:#fff;border:1px solid #e4e5eb;border-radius:12px;padding:28px}
h1{font-size:20px;margin:0 0 12px}ul.scopes{padding-left:20px;color:#444}fieldset{border:1px solid #e4e5eb;border-radius:8px;margin:16px 0;padding:12px 16px}
legend{font-weight:600;padding:0 4px}label{display:block;margin:8px 0}input[type=text],input[type=email],input[type=url]{width:100%;padding:8px 10px;border:1px solid #c9cbd6;border-radius:8px;font:inherit}
.row{display:flex;gap:12px;align-items:center;flex-wrap:wrap}.row label{display:flex;gap:6px;align-items:center}img.av{width:36px;height:36px;border-radius:50%}
.error{background:#fdecee;color:#a1142a;border-radius:8px;padding:10px 12px;margin-bottom:12px}.actions{display:flex;gap:12px;justify-content:flex-end;margin-top:20px}
button{font:inherit;font-weight:600;border-radius:8px;padding:9px 22px;cursor:pointer;border:1px solid #c9cbd6;background:#fff}
button.primary{background:#0b5cff;border-color:#0b5cff;color:#fff}h2{font-size:15px;margin:20px 0 8px}
.demo-users{display:grid;gap:8px}button.demo-user{width:100%;display:flex;gap:12px;align-items:center;text-align:left;padding:8px 12px}
button.demo-user:hover{border-color:#0b5cff}button.demo-user small{display:block;font-weight:400;color:#666}table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:8px 4px;border-bottom:1px solid #eee}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)} · Zoom emulator</title><style>${CSS}</style></head>
<body><header><span class="logo">zoom</span><span class="badge">Zoom emulator</span></header><main>${body}</main></body></html>`;
}

/** Zoom shows an error page (never a redirect) for a bad client_id or redirect_uri. */
export function errorPage(status: number, code: number, message: string): Response {
  return html(
    status,
    page("Error", `<h1>Something went wrong</h1><p class="error">${e(message)} (${code})</p>`),
  );
}

const SCOPE_TEXT: Record<string, string> = {
  "user:read:user": "View your user information",
  "user:read:token": "View your Zoom tokens (ZAK and on-behalf tokens)",
  "user:read:zak": "View your Zoom Access Key (ZAK)",
  "user_zak:read": "View your Zoom Access Key (ZAK)",
  "meeting:read:local_recording_token": "Get local recording join tokens for your meetings",
};

export interface ConsentView {
  basePath: string;
  requestId: string;
  client: EmulatorClient;
  scopes: string[];
  users: EmulatorUser[];
  /** The meetings each user hosts, shown so a person can ask for their join tokens. */
  meetingsOf: (userId: string) => string[];
  error?: string;
  form?: URLSearchParams;
}

function consentForm(view: ConsentView, fields: string): string {
  return `<form method="post" action="${e(view.basePath)}/oauth/consent">
<input type="hidden" name="request_id" value="${e(view.requestId)}">${fields}</form>`;
}

function meetingNote(meetings: string[]): string {
  return meetings.length ? ` · hosts meeting ${meetings.map(e).join(", ")}` : "";
}

/** One form per demo user: a single click allows as that user. */
function demoUserButtons(view: ConsentView): string {
  const demos = view.users.filter(isDemoUser);
  if (demos.length === 0) return "";
  const buttons = demos.map((u) =>
    consentForm(
      view,
      `<input type="hidden" name="user_id" value="${e(u.id)}">
<button type="submit" class="demo-user" name="decision" value="allow"><img class="av" alt="" src="${e(resolvePic(u.pic, view.basePath))}">
<span>${e(u.displayName)}<small>${e(u.email)}${meetingNote(view.meetingsOf(u.id))}</small></span></button>`,
    ),
  );
  return `<h2>Continue as a demo user</h2><div class="demo-users">${buttons.join("")}</div>
<h2>Or choose another user</h2>`;
}

function userChoices(view: ConsentView): string {
  const existing = view.users
    .filter((u) => !isDemoUser(u))
    .map(
      (
        u,
      ) => `<label><input type="radio" name="user_id" value="${e(u.id)}"><img class="av" alt="" src="${e(resolvePic(u.pic, view.basePath))}">
${e(u.displayName)} &lt;${e(u.email)}&gt;</label>`,
    );
  return `<fieldset><legend>Sign in as</legend>${existing.join("")}
<label><input type="radio" name="user_id" value="new" checked> New user (enter details below)</label></fieldset>`;
}

function newUserFields(view: ConsentView): string {
  const value = (name: string) => e(view.form?.get(name) ?? "");
  const avatars = AVATAR_CHOICES.map(
    (
      name,
      i,
    ) => `<label><input type="radio" name="avatar" value="${name}"${i === 0 ? " checked" : ""}>
<img class="av" alt="Avatar ${name}" src="${e(view.basePath)}/avatars/${name}.svg"></label>`,
  );
  return `<fieldset><legend>New user</legend>
<label for="display_name">Display name</label><input type="text" id="display_name" name="display_name" value="${value("display_name")}" maxlength="128">
<label for="email">Email</label><input type="email" id="email" name="email" value="${value("email")}">
<div class="row">${avatars.join("")}</div>
<label for="pic_url">Or picture URL (optional)</label><input type="url" id="pic_url" name="pic_url" value="${value("pic_url")}"></fieldset>`;
}

/**
 * Consent form, driven by Playwright and HTTP tests. POST {basePath}/oauth/consent with:
 *   request_id (hidden), user_id ("new" or an existing user's id),
 *   display_name, email, avatar (sky|mint|sun|rose), pic_url (optional), decision ("allow" | "deny").
 */
export function consentPage(view: ConsentView, status = 200): Response {
  const appName = view.client.name ?? view.client.clientId;
  const scopes = view.scopes
    .map((s) => `<li>${e(SCOPE_TEXT[s] ?? s)} <code>${e(s)}</code></li>`)
    .join("");
  const body = `<h1>${e(appName)} would like to access your Zoom account</h1>
${view.error ? `<p class="error" role="alert">${e(view.error)}</p>` : ""}
<p>This app will be able to:</p><ul class="scopes">${scopes}</ul>
${demoUserButtons(view)}${consentForm(
    view,
    `${userChoices(view)}${newUserFields(view)}
<div class="actions"><button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
<button type="submit" class="primary" name="decision" value="allow">Allow</button></div>`,
  )}`;
  return html(status, page("Authorize app", body));
}
