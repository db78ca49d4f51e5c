import type { TokenRequestRow } from "@/db/queries/token-requests";

/** One recorded token request: never the token, the secret or the query string. */
export interface TokenRequestView {
  id: number;
  createdAt: string;
  kind: string;
  source: "bot" | "dashboard";
  outcome: string;
  status: number;
  latencyMs: number;
  /** How long of `latencyMs` the request waited in line for its Zoom account's rate limit. */
  pacedMs: number;
  clientIp: string | null;
  /** The caller's own request id (Recall's webhook-id, a bot id), when it sent one. */
  callerId: string | null;
  secretLabel: string | null;
}

/** `GET /api/tenants/:slug/activity`: the tenant's latest token requests, newest first. */
export interface ActivityView {
  requests: TokenRequestView[];
}

export function presentActivity(rows: TokenRequestRow[]): ActivityView {
  return { requests: rows.map(presentTokenRequest) };
}

function presentTokenRequest(row: TokenRequestRow): TokenRequestView {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    kind: row.kind,
    source: row.source,
    outcome: row.outcome,
    status: row.status,
    latencyMs: row.latencyMs,
    pacedMs: row.pacedMs,
    clientIp: row.clientIp,
    callerId: row.callerId,
    secretLabel: row.secretLabel,
  };
}
