import { z } from "zod";
import type { Role } from "@/db/schema";

/** The JSON error body every `/api/v1` failure answers with (lib/api/error-response.ts). */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: "Error" });

/** The one success answer of an operation. */
export interface SuccessSpec {
  status: 200 | 201;
  description: string;
  schema: z.ZodType;
}

/**
 * One `/api/v1` operation: its path as OpenAPI writes it, the zod schemas the route validates its
 * input with, and its success answer. The route (`v1Route`) and the OpenAPI document are both built
 * from this object, so they cannot drift apart.
 */
export interface OperationSpec {
  method: "get" | "post" | "patch" | "delete";
  /** The full path, with `{param}` for each dynamic segment, e.g. `/api/v1/tenants/{slug}`. */
  path: `/api/v1/${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /**
   * When set, the path has `{slug}`: the route resolves that tenant and the key's creator needs at
   * least this role on it (404 when the tenant is unknown, not theirs or not allowed by the key,
   * 403 when the role is below).
   */
  tenantRole?: Role;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer. Error answers (`errorBody`) are added from what the route does. */
  success: SuccessSpec;
  /** Error statuses the handler itself may answer, beyond those the route adds. */
  errors?: readonly number[];
}

/** Declares an operation; `const` keeps its literal types for the handler's typing. */
export function defineOperation<const O extends OperationSpec>(operation: O): O {
  return operation;
}

/** Page size and the opaque cursor of list operations. */
export const pageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .meta({ description: "Items per page (1–100, default 50)" }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "The `nextCursor` of the previous page" }),
});

/** `nextCursor`: null on the last page. */
export const nextCursor = z.string().nullable().meta({
  description: "Pass as `cursor` to get the next page; null when this page is the last",
});
