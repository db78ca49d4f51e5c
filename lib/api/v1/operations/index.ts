import type { OperationSpec } from "../operation";
import { createConnectLinkOp, listConnectLinksOp, revokeConnectLinkOp } from "./connect-links";
import { listActivityOp } from "./activity";
import { getConnectionOp } from "./connection";
import { createTenantOp, deleteTenantOp, getTenantOp, listTenantsOp } from "./tenants";
import { createUrlSecretOp, listUrlSecretsOp, revokeUrlSecretOp } from "./url-secrets";
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
  listConnectLinksOp,
  createConnectLinkOp,
  revokeConnectLinkOp,
  getConnectionOp,
  listUrlSecretsOp,
  createUrlSecretOp,
  revokeUrlSecretOp,
  listActivityOp,
  listWebhookEndpointsOp,
  createWebhookEndpointOp,
  deleteWebhookEndpointOp,
];
