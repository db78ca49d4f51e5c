import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { sealedContext } from "@/db/sealed-columns";
import { decrypt, encrypt } from "@/lib/crypto/aead";
import type { Keyring } from "@/lib/crypto/keyring";

// Associated data binds the ciphertext to its row: copied to another row, it fails to decrypt.
const aad = (endpointId: string) => sealedContext("webhook_endpoints", endpointId, "secret_enc");

/** A Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function generateEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function sealEndpointSecret(keyring: Keyring, endpointId: string, secret: string): string {
  return encrypt(keyring, secret, aad(endpointId));
}

export function openEndpointSecret(
  keyring: Keyring,
  endpoint: { id: string; secretEnc: string },
): string {
  return decrypt(keyring, endpoint.secretEnc, aad(endpoint.id));
}

/** The Standard Webhooks headers of one attempt: its message id, its time and the signature. */
export function signedHeaders(secret: string, messageId: string, body: string, at = new Date()) {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}
