// Test support: a vault wired to an in-process Zoom emulator, and helpers to connect Zoom users.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertTenantWithOwner } from "@/db/queries/tenants";
import { insertUser } from "@/db/queries/users";
import { zoomGrants } from "@/db/schema";
import { generateKeyringValue, parseKeyring, type Keyring } from "@/lib/crypto/keyring";
import { createZoomClient } from "@/lib/zoom/client";
import { zoomConfig } from "@/lib/zoom/testing";
import { createZoomEmulator, type ZoomEmulator } from "@/lib/zoom-emulator";
import { consent, pkcePair } from "@/lib/zoom-emulator/test-helpers";
import { storeConsent } from "./grants";
import type { Vault } from "./types";

export function testVault(
  db: Db,
  keyring: Keyring = parseKeyring(generateKeyringValue("t1")),
  emailAlerts = true,
) {
  const config = zoomConfig();
  const emulator: ZoomEmulator = createZoomEmulator({
    clients: [
      {
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        redirectUris: [config.redirectUri],
      },
    ],
    controls: true,
  });
  const fetchVia = (url: string, init: RequestInit) => emulator.handle(new Request(url, init));
  const vault: Vault = { db, keyring, zoom: createZoomClient(config, fetchVia), emailAlerts };
  return { vault, emulator };
}

let counter = 0;

/** A user who owns a new tenant. */
export async function createTenant(db: Db, name = "Tenant") {
  counter += 1;
  const unique = `${Date.now().toString(36)}-${counter}`;
  const user = await insertUser(db, {
    email: `owner-${unique}@example.com`,
    name: null,
    passwordHash: "x",
  });
  const tenant = await insertTenantWithOwner(db, { slug: `t-${unique}`, name, ownerId: user!.id });
  return { userId: user!.id, tenantId: tenant!.id, slug: tenant!.slug };
}

/** Runs the whole consent at the emulator, then stores it the way the callback does. */
export async function connectZoomUser(
  setup: ReturnType<typeof testVault>,
  tenant: { tenantId: string; userId: string },
  email: string,
) {
  const { vault, emulator } = setup;
  const { verifier, challenge } = pkcePair();
  const url = vault.zoom.authorizeUrl({ state: "s", codeChallenge: challenge });
  const back = await consent((req) => emulator.handle(req), url, {
    email,
    display_name: email.split("@")[0]!,
  });
  const tokens = await vault.zoom.exchangeCode(back.searchParams.get("code")!, verifier);
  const user = await vault.zoom.getMe(tokens.accessToken);
  await storeConsent(vault, { tenantId: tenant.tenantId, userId: tenant.userId, tokens, user });
  return { user, tokens };
}

/** Makes the cached access token look expired to the broker (Zoom's side is the emulator's clock). */
export async function expireCachedAccessToken(db: Db, zoomUserId: string) {
  await db
    .update(zoomGrants)
    .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
    .where(eq(zoomGrants.zoomUserId, zoomUserId));
}

export async function grantOf(db: Db, zoomUserId: string) {
  const [grant] = await db.select().from(zoomGrants).where(eq(zoomGrants.zoomUserId, zoomUserId));
  return grant;
}

/** Ends a grant's refresh backoff now, as if its wait had passed. */
export async function endRefreshBackoff(db: Db, zoomUserId: string) {
  await db
    .update(zoomGrants)
    .set({ refreshRetryAt: null })
    .where(eq(zoomGrants.zoomUserId, zoomUserId));
}
