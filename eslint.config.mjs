import { createRequire } from "node:module";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

const require = createRequire(import.meta.url);

// The layering, folder by folder, so cycles between folders cannot come back. Paths are relative to
// the root, except glob exceptions, which the rule takes as they are.
const root = import.meta.dirname;
const pureZoom =
  "lib/zoom is a pure Zoom client: Node builtins, zod, its own files and lib/config only.";
const layering = [
  // Tests in lib/zoom may use the emulator as Zoom's reference implementation.
  {
    target: "./lib/zoom/**/!(*.test).ts",
    from: "./lib/**",
    except: [`${root}/lib/zoom/**`, `${root}/lib/config/**`],
    message: pureZoom,
  },
  {
    target: "./lib/zoom/**/*.test.ts",
    from: "./lib/**",
    except: [`${root}/lib/zoom/**`, `${root}/lib/config/**`, `${root}/lib/zoom-emulator/**`],
    message: pureZoom,
  },
  { target: "./lib/zoom", from: ["./app", "./db"], message: pureZoom },
  {
    target: "./lib/crypto",
    from: "./lib",
    except: ["./crypto"],
    message: "lib/crypto knows bytes and keys, nothing of the app.",
  },
  {
    target: "./lib/crypto",
    from: ["./app", "./db"],
    message: "lib/crypto knows bytes and keys, nothing of the app.",
  },
  { target: ["./db", "./lib"], from: "./app", message: "db/ and lib/ never import from app/." },
  {
    target: "./lib/zoom-emulator",
    from: ["./lib/vault", "./lib/api", "./db"],
    message: "The emulator plays Zoom: it knows nothing of the vault, the API or the database.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle },
    settings: {
      // no-cycle reads every imported module; dependencies cannot be part of our cycles.
      "import/ignore": ["node_modules"],
      // Same key as eslint-config-next's resolver entry, so this extends it instead of adding a second one.
      "import/resolver": {
        [require.resolve("eslint-import-resolver-typescript")]: {
          alwaysTryTypes: true,
          project: `${root}/tsconfig.json`,
        },
      },
    },
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": ["error", { basePath: root, zones: layering }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-floating-promises": "error",
      // React event handlers may be async (T3 does the same); promises elsewhere must be handled.
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      // Guards against updating or deleting every tenant's rows by a forgotten where.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  {
    // Asymmetric matchers (`expect.any(String)`) are typed `any` by vitest and Playwright.
    files: ["**/*.test.ts", "e2e/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
