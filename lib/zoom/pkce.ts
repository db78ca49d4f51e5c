import { createHash, randomBytes } from "node:crypto";

/** A PKCE S256 pair (RFC 7636): the verifier goes to the token request, the challenge to authorize. */
export function newPkcePair(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = randomBytes(32).toString("base64url");
  return {
    codeVerifier,
    codeChallenge: createHash("sha256").update(codeVerifier).digest("base64url"),
  };
}
