import type { TokenKind } from "@/lib/zak/kinds";

/**
 * TanStack Query keys, one per resource. Everything about a tenant sits under `["tenants", slug]`
 * so a single invalidation can refresh a whole tenant page.
 */
export const queryKeys = {
  tenants: () => ["tenants"] as const,
  apiKeys: () => ["api-keys"] as const,
  zoomConnection: (slug: string) => ["tenants", slug, "zoom"] as const,
  secrets: (slug: string) => ["tenants", slug, "secrets"] as const,
  /** Without a kind: every activity query of the tenant (a prefix of the filtered keys). */
  activity: (slug: string, kind?: TokenKind) =>
    kind
      ? (["tenants", slug, "activity", kind] as const)
      : (["tenants", slug, "activity"] as const),
  members: (slug: string) => ["tenants", slug, "members"] as const,
  signing: (slug: string) => ["tenants", slug, "signing"] as const,
  webhooks: (slug: string) => ["tenants", slug, "webhooks"] as const,
  connectLinks: (slug: string) => ["tenants", slug, "connect-links"] as const,
};
