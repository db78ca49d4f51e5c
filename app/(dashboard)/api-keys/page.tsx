import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { listActiveApiKeys } from "@/db/queries/api-keys";
import { listTenantsForUser } from "@/db/queries/tenants";
import { PageHeader } from "@/app/_components/page-header";
import { getSessionUser } from "@/lib/auth/session";
import { presentApiKeyList } from "@/lib/views/api-keys";
import { ApiKeysCard } from "./_components/api-keys-card";

export const metadata: Metadata = { title: "API keys · ZAK Broker" };
export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/api-keys");
  const db = await getDb();
  const tenants = await listTenantsForUser(db, user.id);
  const slugOf = new Map(tenants.map((t) => [t.id, t.slug] as const));
  const keys = presentApiKeyList(await listActiveApiKeys(db, user.id), slugOf);
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the /api/v1 API. A key acts with your rights on your tenants, never more, and stops working where you lose them."
      />
      <ApiKeysCard initialKeys={keys} tenantSlugs={tenants.map((t) => t.slug)} />
    </>
  );
}
