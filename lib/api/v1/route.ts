import type { z } from "zod";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import type { TenantWithRole } from "@/db/queries/tenants";
import type { Role } from "@/db/schema";
import { keyAllowsTenant, verifyApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/verify";
import { tenantForUser } from "@/lib/auth/tenant-access";
import { getConfig } from "@/lib/config";
import { toErrorResponse } from "../error-response";
import { ApiError } from "../errors";
import { parseJsonBody, readJsonText } from "../request";
import { idempotencyKeySchema, runIdempotently, type Answer } from "./idempotency";
import type { OperationSpec } from "./operation";

type Parsed<T> = T extends z.ZodType ? z.output<T> : Record<string, never>;

/** What a v1 handler gets: everything already authenticated, authorized and validated. */
export interface V1Context<O extends OperationSpec> {
  req: Request;
  db: Db;
  principal: ApiKeyPrincipal;
  params: Parsed<O["params"]>;
  query: Parsed<O["query"]>;
  body: O["body"] extends z.ZodType ? z.output<O["body"]> : undefined;
  /** The `{slug}` tenant, with the key creator's live role, when the operation has a `tenantRole`. */
  tenant: O["tenantRole"] extends Role ? TenantWithRole : undefined;
}

/** The body of the operation's success answer, typed by its schema. */
export type V1Reply<O extends OperationSpec> = z.input<O["success"]["schema"]>;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * The route handler of a `/api/v1` operation. In order: the API key (401), the `{slug}` tenant with
 * the key creator's live membership and role (404/403), the operation's zod schemas for path, query
 * and body (400, 415, 413), then `Idempotency-Key` on POSTs, then the handler. Every error goes
 * through lib/api's classification into `{error:{code,message}}`; answers are `no-store`.
 */
export function v1Route<const O extends OperationSpec>(
  operation: O,
  handler: (ctx: V1Context<O>) => V1Reply<O> | Promise<V1Reply<O>>,
): (req: Request, ctx: RouteContext) => Promise<Response> {
  return async (req, routeCtx) => {
    try {
      const db = await getDb();
      const principal = await verifyApiKey(db, req.headers.get("authorization"));
      if (!principal) return unauthorized();
      const params = (operation.params?.parse(await routeCtx.params) ??
        {}) as V1Context<O>["params"];
      const tenant = operation.tenantRole
        ? await tenantForUser(
            db,
            principal.userId,
            (params as { slug: string }).slug,
            operation.tenantRole,
            (t) => keyAllowsTenant(principal, t.id),
          )
        : undefined;
      const url = new URL(req.url);
      const query = (operation.query?.parse(Object.fromEntries(url.searchParams)) ??
        {}) as V1Context<O>["query"];
      const text = operation.body ? await readJsonText(req) : "";
      const body = operation.body?.parse(parseJsonBody(text)) as V1Context<O>["body"];
      const ctx = { req, db, principal, params, query, body, tenant } as V1Context<O>;
      const run = async (): Promise<Answer> => ({
        status: operation.success.status,
        body: await handler(ctx),
      });

      const idempotencyKey = req.headers.get("idempotency-key");
      if (operation.method !== "post" || idempotencyKey === null) return json(await run());
      const checkedKey = idempotencyKeySchema.safeParse(idempotencyKey);
      if (!checkedKey.success) {
        throw new ApiError(
          "bad_request",
          `Idempotency-Key: ${checkedKey.error.issues[0]?.message}`,
        );
      }
      const request = {
        apiKeyId: principal.keyId,
        idempotencyKey: checkedKey.data,
        method: req.method,
        path: url.pathname,
        body: text,
      };
      const answer = await runIdempotently(db, getConfig().keyring, request, run);
      return json(answer, answer.replayed ? { "idempotent-replayed": "true" } : {});
    } catch (err) {
      return toErrorResponse(err, req);
    }
  };
}

function json(answer: Answer, headers: Record<string, string> = {}): Response {
  return Response.json(answer.body, {
    status: answer.status,
    headers: { "cache-control": "no-store", ...headers },
  });
}

function unauthorized(): Response {
  return Response.json(
    {
      error: {
        code: "unauthorized",
        message: "A valid API key is required (Authorization: Bearer zbk_…)",
      },
    },
    { status: 401, headers: { "www-authenticate": 'Bearer realm="api"' } },
  );
}
