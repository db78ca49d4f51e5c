import { findTenantIdBySlug } from "@/db/queries/tenants";
import { touchTokenServed } from "@/db/queries/connections";
import { insertTokenRequest } from "@/db/queries/token-requests";
import { touchUrlSecret } from "@/db/queries/url-secrets";
import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import type { Vault } from "@/lib/vault/types";
import { checkPlatformSignature } from "@/lib/signatures/recall";
import { mintToken, type MintResult, type TokenKind } from "./mint";
import { checkUrlSecret } from "./url-access";

export interface BotTokenRequest {
  slug: string;
  secret: string | null;
  kind: TokenKind;
  clientIp: string | null;
  headers: Headers;
}

/** The bot-facing flow: check the URL secret, mint a fresh token, record the request. */
export async function serveTokenRequest(vault: Vault, req: BotTokenRequest): Promise<MintResult> {
  const started = performance.now();
  const checked = await checkUrlSecret(vault, req);
  if ("refused" in checked) return refuse(vault, req, checked.refused, started);
  const { access } = checked;

  const refused = await checkPlatformSignature(vault, access, req);
  const result = refused ?? (await mintToken(vault, req.kind, access.connection, access.grant));
  await audit(
    vault,
    req,
    { tenantId: access.tenantId, secretId: access.secretId },
    result,
    started,
  );
  return result;
}

/** Records a refused request under the tenant named in the path, when it exists. */
export async function refuse(
  vault: Vault,
  req: Pick<BotTokenRequest, "slug" | "kind" | "clientIp">,
  result: MintResult,
  started: number,
): Promise<MintResult> {
  await audit(
    vault,
    req,
    { tenantId: await findTenantIdBySlug(vault.db, req.slug), secretId: null },
    result,
    started,
  );
  return result;
}

/** Records a token request: never the token, the secret or the query string. */
export async function audit(
  vault: Vault,
  req: Pick<BotTokenRequest, "kind" | "clientIp"> & {
    source?: "bot" | "dashboard";
    callerId?: string | null;
  },
  who: { tenantId: string | undefined | null; secretId: string | null },
  result: MintResult,
  started: number,
): Promise<void> {
  const writes: Promise<unknown>[] = [
    insertTokenRequest(vault.db, {
      tenantId: who.tenantId ?? null,
      secretId: who.secretId,
      kind: req.kind,
      source: req.source ?? "bot",
      outcome: result.outcome,
      status: result.status,
      latencyMs: Math.round(performance.now() - started),
      clientIp: req.clientIp,
      callerId: req.callerId ?? null,
    }),
  ];
  if (who.secretId) writes.push(touchUrlSecret(vault.db, who.secretId));
  if (result.status === 200 && who.tenantId) writes.push(touchTokenServed(vault.db, who.tenantId));
  // A failed audit write must not take the token away from a bot that is about to join a meeting.
  await Promise.all(writes).catch((err: unknown) =>
    getLogger().error({ error: errorFields(err) }, "token request audit write failed"),
  );
}
