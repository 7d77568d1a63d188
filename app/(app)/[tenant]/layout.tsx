import { AppHeader } from "@/components/layout/app-header";
import { requireTenant, tenantsOf } from "@/lib/auth/tenant-context";

export default async function TenantLayout({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const ctx = await requireTenant(slug);
  const others = (await tenantsOf(ctx.user.id)).filter((t) => t.slug !== slug);
  return (
    <>
      <AppHeader tenant={ctx.tenant} role={ctx.role} userName={ctx.user.name} otherTenants={others} />
      {children}
    </>
  );
}
