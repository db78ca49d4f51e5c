import type { Db } from "@/db/client";
import {
  countLiveSecrets,
  findLiveSecret,
  findSignatureRequirements,
  insertBotPlatformSecret,
  listLiveBotPlatformSecrets,
  lockSignatureRequirements,
  revokeBotPlatformSecret,
  updateSignatureRequirements,
} from "@/db/queries/bot-platform-secrets";
import type { BotPlatform } from "@/db/schema";
import { ApiError } from "@/lib/api/errors";
import type { Keyring } from "@/lib/crypto/keyring";
import {
  presentSigning,
  presentSigningSecret,
  type SigningSecretView,
  type SigningView,
} from "@/lib/views/signing";
import { sealSigningSecret, type NewSigningSecret } from "./secrets";

export interface SignatureRequirements {
  requireRecallSignature?: boolean;
  requireAttendeeSignature?: boolean;
}

const PLATFORM_NAMES: Record<BotPlatform, string> = { recall: "Recall", attendee: "Attendee" };
const SWITCHES = {
  recall: "requireRecallSignature",
  attendee: "requireAttendeeSignature",
} as const satisfies Record<BotPlatform, keyof SignatureRequirements>;

export async function getSigning(db: Db, tenantId: string): Promise<SigningView> {
  const [rows, requirements] = await Promise.all([
    listLiveBotPlatformSecrets(db, tenantId),
    findSignatureRequirements(db, tenantId),
  ]);
  if (!requirements) throw new ApiError("not_found", "Tenant not found");
  return presentSigning(rows, requirements);
}

/** Stores a platform's signing secret, encrypted; it is never shown again. */
export async function addSigningSecret(
  vault: { db: Db; keyring: Keyring },
  input: NewSigningSecret & { tenantId: string; userId: string },
): Promise<SigningSecretView> {
  const row = await insertBotPlatformSecret(
    vault.db,
    {
      tenantId: input.tenantId,
      platform: input.platform,
      label: input.label,
      createdByUserId: input.userId,
    },
    (id) => sealSigningSecret(vault.keyring, id, input.secret),
  );
  return presentSigningSecret(row);
}

/**
 * Revokes a secret. The last live secret of a platform whose signature is required is refused:
 * revoking it would refuse every request of that platform.
 */
export async function revokeSigningSecret(db: Db, tenantId: string, id: string) {
  await db.transaction(async (tx) => {
    const requirements = await lockSignatureRequirements(tx, tenantId);
    const secret = await findLiveSecret(tx, tenantId, id);
    if (!requirements || !secret)
      throw new ApiError("not_found", "No live signing secret with this id");
    if (
      requirements[SWITCHES[secret.platform]] &&
      (await countLiveSecrets(tx, tenantId, secret.platform)) === 1
    ) {
      const name = PLATFORM_NAMES[secret.platform];
      throw new ApiError(
        "conflict",
        `This is the last ${name} secret and ${name} signatures are required: add another secret or stop requiring them first`,
      );
    }
    await revokeBotPlatformSecret(tx, tenantId, id);
  });
  return { id };
}

/** Turns the require switches on or off; on needs a live secret of that platform. */
export async function updateSigningRequirements(
  db: Db,
  tenantId: string,
  changes: SignatureRequirements,
): Promise<SigningView> {
  await db.transaction(async (tx) => {
    if (!(await lockSignatureRequirements(tx, tenantId)))
      throw new ApiError("not_found", "Tenant not found");
    for (const platform of ["recall", "attendee"] as const) {
      if (changes[SWITCHES[platform]] && (await countLiveSecrets(tx, tenantId, platform)) === 0) {
        const name = PLATFORM_NAMES[platform];
        throw new ApiError(
          "conflict",
          `Add a ${name} signing secret before requiring ${name} signatures`,
        );
      }
    }
    await updateSignatureRequirements(tx, tenantId, changes);
  });
  return getSigning(db, tenantId);
}
