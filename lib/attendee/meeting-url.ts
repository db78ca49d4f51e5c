const ZOOM_HOSTS = ["zoom.us", "zoomgov.com"];
// /j/{id} (join link), /s/{id} (start link), /wc/join/{id} and /wc/{id}/join (web client).
const MEETING_PATHS = [/^\/(?:j|s)\/(\d+)\/?$/, /^\/wc\/join\/(\d+)\/?$/, /^\/wc\/(\d+)\/join\/?$/];

/** The meeting id in a Zoom meeting link (any `*.zoom.us` or `*.zoomgov.com` host), or null. */
export function meetingIdFromUrl(meetingUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(meetingUrl);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const isZoom = ZOOM_HOSTS.some((zoom) => host === zoom || host.endsWith(`.${zoom}`));
  if (!isZoom || (url.protocol !== "https:" && url.protocol !== "http:")) return null;
  for (const path of MEETING_PATHS) {
    const id = path.exec(url.pathname)?.[1];
    if (id && id.length >= 9 && id.length <= 12) return id;
  }
  return null;
}
