import type { ConnectLinkRow } from "@/db/queries/connect-links";

/** An open connect link as listed: never its token or URL. */
export interface ConnectLinkView {
  id: string;
  returnUrl: string | null;
  expiresAt: string;
  createdAt: string;
}

/** `GET /api/tenants/:slug/connect-links`: open links and the return-URL allow-list. */
export interface ConnectLinksView {
  links: ConnectLinkView[];
  returnUrls: string[];
}

/** `POST /api/tenants/:slug/connect-links`: the only answer that carries the link's URL. */
export interface CreatedConnectLinkView extends ConnectLinkView {
  url: string;
}

export function presentConnectLink(row: ConnectLinkRow): ConnectLinkView {
  return {
    id: row.id,
    returnUrl: row.returnUrl,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentConnectLinks(
  rows: ConnectLinkRow[],
  returnUrls: string[],
): ConnectLinksView {
  return { links: rows.map(presentConnectLink), returnUrls };
}

export function presentCreatedConnectLink(
  row: ConnectLinkRow,
  url: string,
): CreatedConnectLinkView {
  return { ...presentConnectLink(row), url };
}
