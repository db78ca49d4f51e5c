// Checks answers of /api/v1 against the app's own OpenAPI document: the schema of the operation's
// path, method and status (JSON Schema 2020-12, as OpenAPI 3.1 uses).
import { expect, type APIResponse } from "@playwright/test";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
  components?: Record<string, unknown>;
}

interface ResponseObject {
  content?: { "application/json"?: { schema: object } };
}

const documents = new Map<string, Promise<OpenApiDocument>>();

/** The app's document, fetched once per app URL. */
export function openApiDocument(appUrl: string): Promise<OpenApiDocument> {
  let doc = documents.get(appUrl);
  if (!doc) {
    doc = fetch(`${appUrl}/api/v1/openapi.json`).then(
      async (res) => (await res.json()) as OpenApiDocument,
    );
    documents.set(appUrl, doc);
  }
  return doc;
}

/**
 * Asserts that `res` is a status the document lists for `method path` (the templated path, e.g.
 * `/api/v1/tenants/{slug}`) and that its JSON body validates against that status's schema.
 * Returns the body.
 */
export async function expectMatchesOpenApi(
  doc: OpenApiDocument,
  method: string,
  path: string,
  res: APIResponse,
): Promise<unknown> {
  const status = String(res.status());
  const body: unknown = await res.json();
  const operation = doc.paths[path]?.[method.toLowerCase()];
  expect(operation, `${method} ${path} is in the document`).toBeTruthy();
  const schema = operation!.responses[status]?.content?.["application/json"]?.schema;
  expect(schema, `${method} ${path} documents ${status} (${JSON.stringify(body)})`).toBeTruthy();
  // The document's components travel with the schema, so its `#/components/...` refs resolve.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile({ ...schema, components: doc.components });
  const valid = validate(body);
  expect(
    valid,
    `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body)}`,
  ).toBe(true);
  return body;
}
