import { Webhook } from "standardwebhooks";
import { rememberSignedRequestId } from "@/db/queries/bot-platform-secrets";
import type { Vault } from "@/lib/vault/types";
import type { MintResult } from "@/lib/zak/mint";
import { applySignaturePolicy, type SignatureCheck } from "./policy";
import { liveSigningKeys } from "./secrets";

/** Standard Webhooks' window, enforced by the library: older and future timestamps are refused. */
export const RECALL_WINDOW_SECONDS = 5 * 60;

export interface SignedMessage {
  id: string;
  timestamp: string;
  signature: string;
}

/**
 * Recall's signature headers (`webhook-*`, or the older `svix-*`). Null when the request carries
 * none; a request with only some of them is returned with the missing ones empty, so it fails.
 */
export function recallSignatureHeaders(headers: Headers): SignedMessage | null {
  for (const prefix of ["webhook", "svix"]) {
    const [id, timestamp, signature] = ["id", "timestamp", "signature"].map((name) =>
      headers.get(`${prefix}-${name}`),
    );
    if (id !== null || timestamp !== null || signature !== null)
      return { id: id ?? "", timestamp: timestamp ?? "", signature: signature ?? "" };
  }
  return null;
}

/**
 * Whether one of `keys` signed `id.timestamp.body` (Standard Webhooks: `v1,<base64 HMAC-SHA256>`,
 * several space-separated signatures allowed) within the window around now. GET requests sign an
 * empty body.
 */
export function verifyRecallSignature(message: SignedMessage, body: string, keys: Buffer[]) {
  // The library's parseInt would read "123abc" as 123.
  if (!/^\d{1,12}$/.test(message.timestamp) || !message.id || message.id.length > 255) return false;
  const headers = {
    "webhook-id": message.id,
    "webhook-timestamp": message.timestamp,
    "webhook-signature": message.signature,
  };
  return keys.some((key) => {
    try {
      new Webhook(key, { format: "raw" }).verify(body, headers, { jsonParse: false });
      return true;
    } catch {
      return false; // wrong key, no matching signature, or outside the window
    }
  });
}

/**
 * Checks a bot request against the tenant's Recall secrets (policy.ts). A verified request must also
 * carry a message id not seen within the window: ids are remembered in the database, so every
 * instance refuses a replay.
 */
export async function checkRecallSignature(
  vault: Pick<Vault, "db" | "keyring">,
  tenant: { tenantId: string; requireRecallSignature: boolean },
  headers: Headers,
  body = "",
): Promise<SignatureCheck> {
  const message = recallSignatureHeaders(headers);
  return applySignaturePolicy({
    required: tenant.requireRecallSignature,
    signed: message !== null,
    keys: () => liveSigningKeys(vault, tenant.tenantId, "recall"),
    verify: async (keys) =>
      verifyRecallSignature(message!, body, keys) &&
      rememberSignedRequestId(vault.db, {
        tenantId: tenant.tenantId,
        platform: "recall",
        messageId: message!.id,
        expiresAt: new Date((Number(message!.timestamp) + RECALL_WINDOW_SECONDS) * 1000),
      }),
  });
}

const BAD_SIGNATURE: MintResult = {
  status: 401,
  outcome: "bad_signature",
  body: "Missing or invalid Recall signature",
};

/** The bot token routes' signature step: the refusal to answer, or null to go on minting. */
export async function checkPlatformSignature(
  vault: Pick<Vault, "db" | "keyring">,
  access: { tenantId: string; requireRecallSignature: boolean },
  req: { headers: Headers },
): Promise<MintResult | null> {
  return (await checkRecallSignature(vault, access, req.headers)) === "refused"
    ? BAD_SIGNATURE
    : null;
}
