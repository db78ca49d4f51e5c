import { resolvePic } from "./avatars";
import { type Core, deauthorizeApp } from "./core";
import { escapeHtml as e, html, readForm, redirect } from "./http";
import { meetingsOf } from "./meetings";
import { page } from "./pages";
import { type Ctx, type Route } from "./router";

function deauthorizeButton(basePath: string, userId: string, clientId: string): string {
  return `<form method="post" action="${e(basePath)}/apps/deauthorize">
<input type="hidden" name="user_id" value="${e(userId)}"><input type="hidden" name="client_id" value="${e(clientId)}">
<button type="submit">Deauthorize</button></form>`;
}

/** Whether the page's viewer may see and deauthorize this user (everyone may without a viewer). */
async function visibleTo(ctx: Ctx): Promise<(userId: string) => boolean> {
  const visible = await ctx.viewer?.visibleUserIds();
  return (userId) => visible?.has(userId) ?? true;
}

/** The emulator's stand-in for "Zoom App Marketplace > Manage > Added apps". */
async function appsPage(core: Core, ctx: Ctx): Promise<Response> {
  const visible = await visibleTo(ctx);
  const users = [...core.state.users.values()].filter((user) => visible(user.id));
  const rows = users.flatMap((user) => {
    const meetings = meetingsOf(core.state, user.id);
    const hosts = meetings.length
      ? `<br><small>Hosts meeting ${meetings.map(e).join(", ")}</small>`
      : "";
    const who = `<img class="av" alt="" src="${e(resolvePic(user.pic, ctx.basePath))}"> ${e(user.displayName)} &lt;${e(user.email)}&gt;${hosts}`;
    const apps = core.state.authorizationsOf(user.id);
    if (apps.length === 0)
      return [`<tr><td>${who}</td><td colspan="2">No authorized apps</td></tr>`];
    return apps.map((a) => {
      const name = core.state.clients.get(a.clientId)?.name ?? a.clientId;
      return `<tr><td>${who}</td><td>${e(name)}</td><td>${deauthorizeButton(ctx.basePath, user.id, a.clientId)}</td></tr>`;
    });
  });
  const table = rows.length
    ? `<table><tr><th>User</th><th>App</th><th></th></tr>${rows.join("")}</table>`
    : "<p>No users yet.</p>";
  return html(200, page("Added apps", `<h1>Users and authorized apps</h1>${table}`));
}

async function deauthorizeFromPage(core: Core, ctx: Ctx): Promise<Response> {
  const form = await readForm(ctx.req);
  const userId = form.get("user_id") ?? "";
  if (!(await visibleTo(ctx))(userId)) return html(404, page("Not found", "<p>No such user.</p>"));
  void deauthorizeApp(core, userId, form.get("client_id") ?? "");
  return redirect(`${ctx.basePath}/apps`, 303);
}

export function appsRoutes(core: Core): Route[] {
  return [
    { method: "GET", pattern: "/apps", handler: (ctx) => appsPage(core, ctx) },
    {
      method: "POST",
      pattern: "/apps/deauthorize",
      handler: (ctx) => deauthorizeFromPage(core, ctx),
    },
    {
      method: "GET",
      pattern: "/",
      handler: (ctx) =>
        html(
          200,
          page(
            "Home",
            `<h1>Zoom emulator</h1><p><a href="${e(ctx.basePath)}/apps">Users and authorized apps</a></p>`,
          ),
        ),
    },
  ];
}
