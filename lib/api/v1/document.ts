import {
  OpenApiGeneratorV31,
  OpenAPIRegistry,
  type ResponseConfig,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { idempotencyKeySchema } from "./idempotency";
import { errorBody, type OperationSpec } from "./operation";
import { V1_OPERATIONS } from "./operations";

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Invalid input; the message names the field and the rule",
  401: "Missing, invalid or revoked API key",
  403: "The key's creator lacks the role this needs, or the key may not do it",
  404: "Not found, or not visible to this key",
  409: "Conflict with the current state, or the same Idempotency-Key still in progress",
  413: "Body over 16 KiB",
  415: "Body is not application/json",
  422: "Idempotency-Key reused with a different request",
  429: "Too many requests for this key (see Retry-After)",
  500: "Unexpected error (carries a requestId)",
  503: "Temporarily unavailable (see Retry-After)",
};

/** The error statuses an operation can answer: what the route wrapper adds, and its own. */
function errorStatuses(op: OperationSpec): number[] {
  const statuses = new Set([400, 401, 429, 500, 503, ...(op.errors ?? [])]);
  if (op.tenantRole) [403, 404].forEach((s) => statuses.add(s));
  if (op.body) [413, 415].forEach((s) => statuses.add(s));
  if (op.method === "post") [409, 422].forEach((s) => statuses.add(s));
  return [...statuses].sort((a, b) => a - b);
}

function register(registry: OpenAPIRegistry, op: OperationSpec) {
  const json = (schema: z.ZodType) => ({ "application/json": { schema } });
  const responses: Record<string, ResponseConfig> = {
    [op.success.status]: { description: op.success.description, content: json(op.success.schema) },
  };
  for (const status of errorStatuses(op)) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? "Error",
      content: json(errorBody),
    };
  }
  registry.registerPath({
    method: op.method,
    path: op.path,
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: [op.tag],
    security: [{ apiKey: [] }],
    request: {
      params: op.params,
      query: op.query,
      headers:
        op.method === "post"
          ? z.object({ "idempotency-key": idempotencyKeySchema.optional() })
          : undefined,
      body: op.body ? { required: true, content: json(op.body) } : undefined,
    },
    responses,
  });
}

/** The OpenAPI 3.1 document of `/api/v1`, generated from the operations' own zod schemas. */
export function openApiDocument(appUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key from the dashboard's API keys page: `Authorization: Bearer zbk_…`",
  });
  for (const op of V1_OPERATIONS) register(registry, op);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "ZAK Broker API",
      version: "1",
      description:
        "Tenants, Zoom connections, token URLs and activity, for scripts and back ends. Errors are `{error:{code,message}}`.",
    },
    servers: [{ url: appUrl }],
  });
}
