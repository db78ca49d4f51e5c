import { createHmac } from "node:crypto";
import { safeEqual } from "@/lib/crypto/digest";
import type { Vault } from "@/lib/vault/types";
import { canonicalJson } from "./canonical-json";
import { applySignaturePolicy, type SignatureCheck } from "./policy";
import { liveSigningKeys } from "./secrets";

export const ATTENDEE_SIGNATURE_HEADER = "x-webhook-signature";

/**
 * Attendee's `X-Webhook-Signature`: base64(HMAC-SHA256(secret bytes, canonical JSON of the payload)).
 * Not over the body as sent, which Python writes with spaces and `\u00e9` escapes (zoom-facts §10).
 * Throws CanonicalJsonError when the body is not JSON.
 */
export function signAttendeePayload(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(canonicalJson(body), "utf8").digest("base64");
}

/** Whether one of `keys` signed the body. Attendee has no timestamp or message id: no replay check. */
export function verifyAttendeeSignature(body: string, signature: string, keys: Buffer[]): boolean {
  return keys.some((key) => safeEqual(signAttendeePayload(key, body), signature.trim()));
}

/** Checks an Attendee callback against the tenant's Attendee secrets (policy.ts). */
export async function checkAttendeeSignature(
  vault: Pick<Vault, "db" | "keyring">,
  tenant: { tenantId: string; requireAttendeeSignature: boolean },
  headers: Headers,
  body: string,
): Promise<SignatureCheck> {
  const signature = headers.get(ATTENDEE_SIGNATURE_HEADER);
  return applySignaturePolicy({
    required: tenant.requireAttendeeSignature,
    signed: signature !== null,
    keys: () => liveSigningKeys(vault, tenant.tenantId, "attendee"),
    verify: (keys) => verifyAttendeeSignature(body, signature!, keys),
  });
}
