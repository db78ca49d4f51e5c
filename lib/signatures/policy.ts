export type SignatureCheck = "accepted" | "unsigned" | "refused";

/**
 * The rule both bot platforms follow. A request without the platform's signature passes on its URL
 * secret alone unless the tenant requires the signature. A signed request is verified with the
 * tenant's live secrets of that platform (any one may match: rotation), and a signature that does
 * not verify is always refused, never ignored. A tenant without secrets has nothing to verify with.
 */
export async function applySignaturePolicy(input: {
  required: boolean;
  signed: boolean;
  keys: () => Promise<Buffer[]>;
  verify: (keys: Buffer[]) => boolean | Promise<boolean>;
}): Promise<SignatureCheck> {
  if (!input.signed) return input.required ? "refused" : "unsigned";
  const keys = await input.keys();
  if (keys.length === 0) return input.required ? "refused" : "unsigned";
  return (await input.verify(keys)) ? "accepted" : "refused";
}
