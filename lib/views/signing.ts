/** The bot platforms whose request signatures a tenant can verify. */
export type SigningPlatform = "recall" | "attendee";

/** A bot platform's signing secret as listed: never the secret itself. */
export interface SigningSecretView {
  id: string;
  platform: SigningPlatform;
  label: string;
  createdAt: string;
}

/** `GET /api/tenants/:slug/signing` (and `PATCH`): the live signing secrets and the require switches. */
export interface SigningView {
  secrets: SigningSecretView[];
  requireRecallSignature: boolean;
  requireAttendeeSignature: boolean;
}
