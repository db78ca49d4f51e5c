import type { OperationSpec } from "../operation";
import { createTenantOp, deleteTenantOp, getTenantOp, listTenantsOp } from "./tenants";
import {
  createWebhookEndpointOp,
  deleteWebhookEndpointOp,
  listWebhookEndpointsOp,
} from "./webhooks";

/**
 * Every `/api/v1` operation, in the order the OpenAPI document lists them. A new route adds its
 * operations here (e2e/api/openapi.spec.ts fails for a route file whose path is missing).
 */
export const V1_OPERATIONS: readonly OperationSpec[] = [
  listTenantsOp,
  createTenantOp,
  getTenantOp,
  deleteTenantOp,
  listWebhookEndpointsOp,
  createWebhookEndpointOp,
  deleteWebhookEndpointOp,
];
