import { AccountLimits } from "./account-limits";
import { createClock } from "./clock";
import { Faults } from "./faults";
import { authorizationKey, EmulatorState } from "./state";
import { Stats } from "./stats";
import { killTokens } from "./tokens";
import {
  type Clock,
  type DeauthorizeResult,
  type EmulatorClient,
  type UserSummary,
  type WebhookDelivery,
} from "./types";
import { Webhooks } from "./webhooks";

/** Everything the route modules share. */
export interface Core {
  state: EmulatorState;
  clock: Clock;
  faults: Faults;
  limits: AccountLimits;
  stats: Stats;
  webhooks: Webhooks;
}

export function createCore(
  clients: EmulatorClient[],
  fetchFn: typeof fetch,
  issuedTokenLimit?: number,
): Core {
  const state = new EmulatorState(issuedTokenLimit);
  for (const client of clients) state.clients.set(client.clientId, client);
  const clock = createClock();
  return {
    state,
    clock,
    faults: new Faults(clock),
    limits: new AccountLimits(clock),
    stats: new Stats(),
    webhooks: new Webhooks(fetchFn),
  };
}

/**
 * Removes the app authorization, kills the user's tokens for that client and sends app_deauthorized.
 * The returned promise settles when the webhook is delivered (null: not authorized or no webhook URL).
 */
export function deauthorizeApp(
  core: Core,
  userId: string,
  clientId: string,
): Promise<WebhookDelivery> | null {
  const { state } = core;
  killTokens(state, clientId, userId);
  const user = state.users.get(userId);
  const client = state.clients.get(clientId);
  if (!state.authorizations.delete(authorizationKey(clientId, userId)) || !user || !client)
    return null;
  return core.webhooks.sendDeauthorized(client, user);
}

export async function deauthorizeUser(
  core: Core,
  userIdOrEmail: string,
  clientId?: string,
): Promise<DeauthorizeResult[] | null> {
  const user = core.state.findUser(userIdOrEmail);
  if (!user) return null;
  const apps = core.state
    .authorizationsOf(user.id)
    .filter((a) => !clientId || a.clientId === clientId);
  return Promise.all(
    apps.map(async (a) => ({
      clientId: a.clientId,
      webhook: (await deauthorizeApp(core, user.id, a.clientId)) ?? null,
    })),
  );
}

export function summarizeUsers(core: Core): UserSummary[] {
  return [...core.state.users.values()].map((user) => ({
    id: user.id,
    email: user.email,
    display_name: user.displayName,
    account_id: user.accountId,
    authorized_apps: core.state.authorizationsOf(user.id).map((a) => ({
      client_id: a.clientId,
      authorized_at: new Date(a.authorizedAt).toISOString(),
    })),
  }));
}
