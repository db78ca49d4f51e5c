/** `POST /api/tenants/:slug/zak-test`: how minting a ZAK went. The token itself never leaves the server. */
export interface ZakTestView {
  ok: boolean;
  status: number;
  outcome: string;
  message: string;
  latencyMs: number;
  expiresAt: string | null;
}
