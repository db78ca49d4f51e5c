import { findConnection } from "@/db/queries/connections";
import type { Vault } from "@/lib/vault/types";
import type { TokenTestView } from "@/lib/views/token-test";
import { KIND_LABELS, type TokenKind } from "./kinds";
import { mintToken, type MintOptions } from "./mint";
import { audit } from "./serve";

/**
 * Mints a token the way the bot routes do, records it as a dashboard request, and reports how it
 * went. The token itself stays here: the report carries only its expiry.
 */
export async function testMint(
  vault: Vault,
  input: { tenantId: string; clientIp: string | null; kind: TokenKind; options: MintOptions },
): Promise<TokenTestView> {
  const started = performance.now();
  const { kind } = input;
  const found = await findConnection(vault.db, input.tenantId);
  const result = await mintToken(
    vault,
    kind,
    found?.connection ?? null,
    found?.grant ?? null,
    input.options,
  );
  await audit(
    vault,
    { kind, source: "dashboard", clientIp: input.clientIp },
    { tenantId: input.tenantId, secretId: null },
    result,
    started,
  );
  const ok = result.status === 200;
  return {
    kind,
    ok,
    status: result.status,
    outcome: result.outcome,
    message: ok ? `A fresh ${KIND_LABELS[kind]} was minted` : result.body,
    latencyMs: Math.round(performance.now() - started),
    expiresAt: ok ? (result.expiresAt?.toISOString() ?? null) : null,
  };
}
