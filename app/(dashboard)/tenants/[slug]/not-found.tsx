import { EmptyState } from "@/app/_components/empty-state";
import { TextLink } from "@/app/_components/text-link";

export default function TenantNotFound() {
  return (
    <EmptyState title="Tenant not found" testId="tenant-not-found">
      It does not exist, or you are not a member of it.{" "}
      <TextLink href="/tenants">Back to your tenants</TextLink>
    </EmptyState>
  );
}
