import { getMetrics } from "./registry";

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

// The Zoom endpoints this app calls; the label never carries an id or a query string.
const ENDPOINTS = ["/oauth/token", "/oauth/revoke", "/v2/users/me/token", "/v2/users/me"];
const JOIN_TOKEN = /\/v2\/meetings\/[^/]+\/jointoken\/local_recording$/;

export function zoomEndpointOf(url: string): string {
  const { pathname } = new URL(url);
  if (JOIN_TOKEN.test(pathname)) return "/v2/meetings/:id/jointoken/local_recording";
  return ENDPOINTS.find((endpoint) => pathname.endsWith(endpoint)) ?? "other";
}

/** Wraps the fetch the Zoom client is given, counting each call by endpoint and status. */
export function countZoomCalls(fetchImpl: Fetch): Fetch {
  const counter = getMetrics().zoomCalls;
  return async (url, init) => {
    const endpoint = zoomEndpointOf(url);
    try {
      const res = await fetchImpl(url, init);
      counter.inc({ endpoint, status: String(res.status) });
      return res;
    } catch (err) {
      counter.inc({ endpoint, status: init.signal?.aborted ? "timeout" : "network_error" });
      throw err;
    }
  };
}
