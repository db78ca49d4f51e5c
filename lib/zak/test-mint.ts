import { findConnection } from "@/db/queries/connections";
import type { Vault } from "@/lib/vault/types";
import type { ZakTestView } from "@/lib/views/zak-test";
import { mintToken } from "./mint";
import { audit } from "./serve";
import { tokenExpiry } from "./token-expiry";

/**
 * Mints a ZAK the way the bot route does, records it as a dashboard request, and reports how it went.
 * The token itself stays here: the report carries only its expiry.
 */
export async function testMintZak(
  vault: Vault,
  input: { tenantId: string; clientIp: string | null },
): Promise<ZakTestView> {
  const started = performance.now();
  const found = await findConnection(vault.db, input.tenantId);
  const result = await mintToken(vault, "zak", found?.connection ?? null, found?.grant ?? null);
  await audit(
    vault,
    { kind: "zak", source: "dashboard", clientIp: input.clientIp },
    { tenantId: input.tenantId, secretId: null },
    result,
    started,
  );
  const ok = result.status === 200;
  return {
    ok,
    status: result.status,
    outcome: result.outcome,
    message: ok ? "A fresh ZAK was minted" : result.body,
    latencyMs: Math.round(performance.now() - started),
    expiresAt: ok ? tokenExpiry(result.body) : null,
  };
}
