import type { TokenKind } from "@/lib/zak/kinds";

/** `POST /api/tenants/:slug/token-test`: how minting one kind of token went. The token never leaves the server. */
export interface TokenTestView {
  kind: TokenKind;
  ok: boolean;
  status: number;
  outcome: string;
  message: string;
  latencyMs: number;
  expiresAt: string | null;
}
