/** @type {import("prettier").Config} */
const config = {
  printWidth: 100,
  plugins: ["prettier-plugin-tailwindcss"],
  // Tailwind v4 has no JS config: the plugin reads the classes' order from the stylesheet.
  tailwindStylesheet: "./app/globals.css",
};

export default config;
