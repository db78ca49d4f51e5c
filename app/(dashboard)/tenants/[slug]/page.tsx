import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/app/_components/page-header";
import { TextLink } from "@/app/_components/text-link";
import { findConnection } from "@/db/queries/connections";
import { ApiError } from "@/lib/api/errors";
import { requireTenant } from "@/lib/auth/tenant";
import { hasRole } from "@/lib/auth/tenant-roles";
import { getConfig } from "@/lib/config";
import { presentZoomConnection } from "@/lib/views/zoom-connection";
import { RoleBadge } from "../../_components/role-badge";
import { ActivityCard } from "./_components/activity-card";
import { ConnectLinksCard } from "./_components/connect-links-card";
import { ConnectionCard } from "./_components/connection-card";
import { CreatedUrlsProvider } from "./_components/created-urls";
import { IntegrationGuides } from "./_components/integration-guides";
import { MembersCard } from "./_components/members-card";
import { SigningCard } from "./_components/signing-card";
import { TestCard } from "./_components/test-card";
import { TokenGuideCard } from "./_components/token-guide-card";
import { TokenUrlsCard } from "./_components/token-urls-card";
import { WebhooksCard } from "./_components/webhooks-card";
import { ZoomCallbackBanner } from "./_components/zoom-callback-banner";

export const metadata: Metadata = { title: "Tenant · ZAK Broker" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The tenant for the signed-in member, or why not: signed out, or not theirs (same answer as missing). */
async function loadTenant(slug: string) {
  try {
    return await requireTenant(slug);
  } catch (err) {
    if (err instanceof ApiError && (err.code === "unauthorized" || err.code === "not_found"))
      return err.code;
    throw err;
  }
}

export default async function TenantPage(props: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await props.params;
  const query = await props.searchParams;
  const ctx = await loadTenant(slug);
  if (ctx === "unauthorized")
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/tenants/${slug}`)}`);
  if (ctx === "not_found") notFound();
  const { tenant, user, db } = ctx;
  const manager = hasRole(tenant.role, "admin");
  // The same view the API answers, so the client cache starts warm.
  const connection = presentZoomConnection(await findConnection(db, tenant.id));

  return (
    <>
      <PageHeader
        title={tenant.name}
        eyebrow={<TextLink href="/tenants">← All tenants</TextLink>}
        description={
          <>
            Slug <code className="font-mono text-zinc-800">{tenant.slug}</code>
          </>
        }
      >
        <RoleBadge role={tenant.role} />
      </PageHeader>
      <CreatedUrlsProvider>
        <div className="space-y-6">
          <ZoomCallbackBanner status={first(query.zoom)} errorCode={first(query.zoom_error)} />
          <div className="grid gap-6 lg:grid-cols-3">
            {/* A grid of one so the card stretches to the height of the Test card beside it. */}
            <div className={manager ? "grid lg:col-span-2" : "grid lg:col-span-3"}>
              <ConnectionCard slug={tenant.slug} canManage={manager} initial={connection} />
            </div>
            {manager && <TestCard slug={tenant.slug} />}
          </div>
          {manager && <ConnectLinksCard slug={tenant.slug} />}
          {manager && <TokenUrlsCard slug={tenant.slug} />}
          <TokenGuideCard />
          <IntegrationGuides slug={tenant.slug} appUrl={getConfig().appUrl} canManage={manager} />
          <SigningCard slug={tenant.slug} canManage={manager} />
          {manager && <WebhooksCard slug={tenant.slug} />}
          <ActivityCard slug={tenant.slug} />
          <MembersCard slug={tenant.slug} role={tenant.role} currentUserId={user.id} />
        </div>
      </CreatedUrlsProvider>
    </>
  );
}
