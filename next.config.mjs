/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // With a proxy, Next buffers request bodies (10 MB by default) so both the proxy and the route can
  // read them; no route accepts more than 64 KiB, and the HTTP server reads no body past
  // MAX_BODY_BYTES (lib/guard/hostile-request.ts, lib/http/request-guards.ts).
  experimental: { proxyClientMaxBodySize: 256 * 1024 },
  // Lets two builds coexist (for example a second end-to-end run beside the first).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The container image runs the self-contained server (`node server.js`); `next start` does not
  // support that output, so it is chosen only for the image's build.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
};

export default nextConfig;
