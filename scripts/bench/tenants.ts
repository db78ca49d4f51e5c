// Tenants for the benchmark, set up through the library rather than the browser: each one a
// tenant, a Zoom user connected at the emulator process (its own grant) and one ZAK URL.
import type { Db } from "../../db/client";
import { insertUrlSecret } from "../../db/queries/url-secrets";
import type { ZoomConfig } from "../../lib/config";
import type { Keyring } from "../../lib/crypto/keyring";
import { storeConsent } from "../../lib/vault/grants";
import { createTenant } from "../../lib/vault/testing";
import type { Vault } from "../../lib/vault/types";
import { generateUrlSecret } from "../../lib/zak/url-secret";
import { createZoomClient } from "../../lib/zoom/client";
import { consent, pkcePair } from "../../lib/zoom-emulator/test-helpers";

export interface BenchTenant {
  /** The bot URL's path and query. */
  path: string;
  zoomUserId: string;
  /** The Zoom account the user belongs to: Zoom's rate limits count per account. */
  zoomAccountId: string;
}

export async function createConnectedTenants(
  db: Db,
  keyring: Keyring,
  zoom: ZoomConfig,
  count: number,
  parallel = 8,
): Promise<BenchTenant[]> {
  const vault: Vault = { db, keyring, zoom: createZoomClient(zoom), emailAlerts: false };
  const made: BenchTenant[] = [];
  const one = async (n: number): Promise<BenchTenant> => {
    const tenant = await createTenant(db, `Bench ${n}`);
    const { verifier, challenge } = pkcePair();
    const back = await consent(
      (req) => fetch(req, { redirect: "manual" }),
      vault.zoom.authorizeUrl({ state: "bench", codeChallenge: challenge }),
      { email: `bench-${n}-${tenant.tenantId.slice(0, 8)}@zoom.test`, display_name: `Bench ${n}` },
    );
    const tokens = await vault.zoom.exchangeCode(back.searchParams.get("code")!, verifier);
    const user = await vault.zoom.getMe(tokens.accessToken);
    await storeConsent(vault, { tenantId: tenant.tenantId, userId: tenant.userId, tokens, user });
    const { secret, prefix, hash } = generateUrlSecret();
    await insertUrlSecret(db, {
      tenantId: tenant.tenantId,
      label: "bench",
      prefix,
      secretHash: hash,
      createdByUserId: tenant.userId,
    });
    return {
      path: `/api/zak/${tenant.slug}?token=${secret}`,
      zoomUserId: user.id,
      zoomAccountId: user.account_id,
    };
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) made.push(await one(next++));
    }),
  );
  return made;
}
