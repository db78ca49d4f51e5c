import type { BotPlatformSecretRow } from "@/db/queries/bot-platform-secrets";
import type { BotPlatform } from "@/db/schema";

/** The bot platforms whose request signatures a tenant can verify. */
export type SigningPlatform = BotPlatform;

/** A bot platform's signing secret as listed: never the secret itself. */
export interface SigningSecretView {
  id: string;
  platform: SigningPlatform;
  label: string;
  createdAt: string;
}

/** `GET`/`PATCH /api/tenants/:slug/signing`: the live signing secrets and the require switches. */
export interface SigningView {
  secrets: SigningSecretView[];
  requireRecallSignature: boolean;
  requireAttendeeSignature: boolean;
}

export function presentSigningSecret(row: BotPlatformSecretRow): SigningSecretView {
  return {
    id: row.id,
    platform: row.platform,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentSigning(
  rows: BotPlatformSecretRow[],
  requirements: { requireRecallSignature: boolean; requireAttendeeSignature: boolean },
): SigningView {
  return {
    secrets: rows.map(presentSigningSecret),
    requireRecallSignature: requirements.requireRecallSignature,
    requireAttendeeSignature: requirements.requireAttendeeSignature,
  };
}
