import { AppHeader } from "@/components/layout/app-header";
import { otherTenantsOf, requireTenant } from "@/lib/auth/tenant-context";

export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug);
  const others = await otherTenantsOf(slug);
  return (
    <>
      <AppHeader tenant={ctx.tenant} role={ctx.role} userName={ctx.user.name} otherTenants={others} />
      {children}
    </>
  );
}
