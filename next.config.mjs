/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Lets two builds coexist (for example a second end-to-end run beside the first).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
