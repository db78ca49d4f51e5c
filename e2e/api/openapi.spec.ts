import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { openApiDocument } from "../support/openapi";
import { expect, test } from "../support/fixtures";

const V1_DIR = path.resolve("app/api/v1");

/** Every route file under app/api/v1 as `METHOD /api/v1/...` (Next's `[param]` as `{param}`). */
async function routeOperations(): Promise<string[]> {
  const files = (await readdir(V1_DIR, { recursive: true })).filter((f) => f.endsWith("route.ts"));
  const operations: string[] = [];
  for (const file of files) {
    const dir = path.dirname(file) === "." ? "" : `/${path.dirname(file)}`;
    const route = `/api/v1${dir}`.replace(/\[([^\]]+)\]/g, "{$1}");
    const source = await readFile(path.join(V1_DIR, file), "utf8");
    for (const [, method] of source.matchAll(
      /export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g,
    )) {
      operations.push(`${method} ${route}`);
    }
  }
  return operations.sort();
}

test("GET /api/v1/openapi.json is valid OpenAPI 3.1 and documents every /api/v1 route file", async ({
  appUrl,
}) => {
  const doc = await openApiDocument(appUrl);
  const validator = new Validator();
  const result = await validator.validate(doc as unknown as Record<string, unknown>);
  expect(result.errors ?? [], "schema validation errors").toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe("3.1");

  const documented = Object.entries(doc.paths)
    .flatMap(([route, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${route}`))
    .concat("GET /api/v1/openapi.json")
    .sort();
  expect(documented).toEqual(await routeOperations());
});

test("GET /docs/api is the interactive reference of that document", async ({ request }) => {
  const res = await request.get("/docs/api");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/html/);
  expect(await res.text()).toContain("/api/v1/openapi.json");
});
