import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { listTenantsForUser } from "@/db/queries/tenants";
import { PageHeader } from "@/app/_components/page-header";
import { getSessionUser } from "@/lib/auth/session";
import { presentTenantList } from "@/lib/views/tenants";
import { CreateTenantForm } from "./_components/create-tenant-form";
import { TenantList } from "./_components/tenant-list";

export const metadata: Metadata = { title: "Tenants · ZAK Broker" };
export const dynamic = "force-dynamic";

export default async function TenantsPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?callbackUrl=/tenants");
  const { tenants } = presentTenantList(await listTenantsForUser(await getDb(), user.id));
  return (
    <>
      <PageHeader
        title="Tenants"
        description="A tenant is one Zoom account your bots join as, with its own ZAK URLs and members."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <TenantList initialTenants={tenants} />
        <CreateTenantForm />
      </div>
    </>
  );
}
