import { createHash } from "node:crypto";

export interface PkceChallenge {
  value: string;
  method: "S256" | "plain";
}

/** Reads code_challenge(_method) from authorize params; a missing method means "plain", as on Zoom. */
export function parseChallenge(
  params: URLSearchParams,
): PkceChallenge | undefined | { error: string } {
  const value = params.get("code_challenge");
  if (!value) return undefined;
  const method = params.get("code_challenge_method") ?? "plain";
  if (method !== "S256" && method !== "plain")
    return { error: `Unsupported code_challenge_method: ${method}` };
  return { value, method };
}

export function verifyPkce(challenge: PkceChallenge | undefined, verifier: string | null): boolean {
  if (!challenge) return true;
  if (!verifier) return false;
  const computed =
    challenge.method === "S256"
      ? createHash("sha256").update(verifier).digest("base64url")
      : verifier;
  return computed === challenge.value;
}
