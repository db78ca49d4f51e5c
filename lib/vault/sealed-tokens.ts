import type { ZoomGrant } from "@/db/schema";
import { sealedContext } from "@/db/sealed-columns";
import { decrypt, encrypt } from "@/lib/crypto/aead";
import type { Keyring } from "@/lib/crypto/keyring";

type Column = "access_token" | "refresh_token";

// Associated data binds each ciphertext to its row and column: copied elsewhere, it fails to decrypt.
const aad = (grantId: string, column: Column) => sealedContext("zoom_grants", grantId, column);

export function sealTokens(
  keyring: Keyring,
  grantId: string,
  tokens: { accessToken: string; refreshToken: string },
) {
  return {
    accessTokenEnc: encrypt(keyring, tokens.accessToken, aad(grantId, "access_token")),
    refreshTokenEnc: encrypt(keyring, tokens.refreshToken, aad(grantId, "refresh_token")),
  };
}

export function openAccessToken(
  keyring: Keyring,
  grant: Pick<ZoomGrant, "id" | "accessTokenEnc">,
): string {
  return decrypt(keyring, grant.accessTokenEnc, aad(grant.id, "access_token"));
}

export function openRefreshToken(
  keyring: Keyring,
  grant: Pick<ZoomGrant, "id" | "refreshTokenEnc">,
): string {
  return decrypt(keyring, grant.refreshTokenEnc, aad(grant.id, "refresh_token"));
}
