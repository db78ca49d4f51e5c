import { type Route } from "./router";

/** Generated avatars offered on the consent page; any [a-z0-9-] name is served. */
export const AVATAR_CHOICES = ["sky", "mint", "sun", "rose"] as const;

const PALETTE = ["#0B5CFF", "#12A37F", "#F5A623", "#E0457B", "#7B61FF", "#00A3BF"];

function colorFor(name: string): string {
  const index = AVATAR_CHOICES.indexOf(name as (typeof AVATAR_CHOICES)[number]);
  const hash = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return PALETTE[index >= 0 ? index : hash % PALETTE.length] ?? "#0B5CFF";
}

export function avatarSvg(name: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
<rect width="128" height="128" rx="64" fill="${colorFor(name)}"/>
<circle cx="64" cy="50" r="22" fill="#fff" fill-opacity="0.92"/>
<path d="M24 112c6-24 22-34 40-34s34 10 40 34" fill="#fff" fill-opacity="0.92"/>
</svg>`;
}

/** basePath-relative path stored on users; resolved against the request base when rendered. */
export function avatarPath(name: string): string {
  return `/avatars/${name}.svg`;
}

export function resolvePic(pic: string, prefix: string): string {
  return pic.startsWith("/") ? `${prefix}${pic}` : pic;
}

export const avatarRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/avatars/:file",
    handler: ({ params }) => {
      const name = /^([a-z0-9-]{1,32})\.svg$/.exec(params.file ?? "")?.[1];
      if (!name) return new Response("Not found", { status: 404 });
      return new Response(avatarSvg(name), {
        headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" },
      });
    },
  },
];
