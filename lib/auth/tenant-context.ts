import { cache } from "react";
import { notFound } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { getTenantBySlug, type TenantSummary } from "@/lib/tenants/queries";
import { can, type Capability } from "./permissions";
import { requireUser, type SessionUser } from "./session";

export type TenantContext = { user: SessionUser; tenant: TenantSummary; role: Role; teamIds: number[] };

/** The user's active membership of the tenant named in the URL, or null (no such tenant, or not a member). */
export async function resolveTenantContext(user: SessionUser, slug: string): Promise<TenantContext | null> {
  const tenant = await getTenantBySlug(slug);
  if (!tenant) return null;
  const membership = await withTenant(tenant.id, (tx) =>
    tx.membership.findFirst({
      where: { tenantId: tenant.id, userId: user.id, active: true },
      select: { role: true, teams: { select: { teamId: true } } },
    }),
  );
  if (!membership) return null;
  return { user, tenant, role: membership.role, teamIds: membership.teams.map((t) => t.teamId) };
}

/**
 * For pages: the signed-in user's context in this tenant. Anonymous -> sign-in page; not a member,
 * or the role lacks the capability -> not found (another tenant's pages do not admit they exist).
 */
export const requireTenant = cache(async (slug: string, capability?: Capability): Promise<TenantContext> => {
  const user = await requireUser();
  const ctx = await resolveTenantContext(user, slug);
  if (!ctx || (capability && !can(ctx.role, capability))) notFound();
  return ctx;
});

/** The tenants a user may switch between. Read before any tenant is chosen, so not tenant-scoped. */
export async function tenantsOf(userId: string): Promise<{ slug: string; name: string; role: Role }[]> {
  const rows = await db().membership.findMany({
    where: { userId, active: true },
    select: { role: true, tenant: { select: { slug: true, name: true } } },
    orderBy: { tenant: { name: "asc" } },
  });
  return rows.map((r) => ({ slug: r.tenant.slug, name: r.tenant.name, role: r.role }));
}
