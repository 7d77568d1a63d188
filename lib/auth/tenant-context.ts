import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { db, rawDb } from "@/lib/db/client";
import type { TenantSummary } from "@/lib/tenants/queries";
import { can, type Capability } from "./permissions";
import { sessionUserId, type SessionUser } from "./session";

export type TenantContext = { user: SessionUser; tenant: TenantSummary; role: Role; teamIds: number[] };

/** The user's active membership of the tenant named in the URL, or null (no such tenant, or not a member). */
export async function resolveTenantContext(user: SessionUser, slug: string): Promise<TenantContext | null> {
  return (await memberContexts(user.id))?.contexts.find((c) => c.tenant.slug === slug) ?? null;
}

/**
 * For pages: the signed-in user's context in this tenant. Anonymous -> sign-in page; not a member,
 * or the role lacks the capability -> not found (another tenant's pages do not admit they exist).
 */
export const requireTenant = cache(async (slug: string, capability?: Capability): Promise<TenantContext> => {
  const found = await signedInMemberships();
  if (!found) redirect("/sign-in");
  const ctx = found.contexts.find((c) => c.tenant.slug === slug);
  if (!ctx || (capability && !can(ctx.role, capability))) notFound();
  return ctx;
});

/** For the tenant layout: the other tenants the signed-in user may switch to (read with requireTenant's query). */
export async function otherTenantsOf(slug: string): Promise<{ slug: string; name: string; role: Role }[]> {
  const found = await signedInMemberships();
  return (found?.contexts ?? []).filter((c) => c.tenant.slug !== slug).map((c) => ({ slug: c.tenant.slug, name: c.tenant.name, role: c.role }));
}

type MembershipRow = {
  email: string;
  name: string;
  tenantId: number | null;
  slug: string;
  tenantName: string;
  laCode: string | null;
  suppressionThreshold: number;
  role: Role;
  teamIds: number[];
};

/**
 * The user (if still active) with their active memberships, teams included: the one membership rule of
 * pages (requireTenant), route handlers and actions (resolveTenantContext), read in one query. It reads
 * memberships across tenants, as tenantsOf does, filtered by the user's id; nothing of a tenant's own
 * data is read before the membership is known. Null: no such active user.
 */
async function memberContexts(userId: string): Promise<{ user: SessionUser; contexts: TenantContext[] } | null> {
  const { rows } = await rawDb().query<MembershipRow>(
    `SELECT u.email, u.name, t.id AS "tenantId", t.slug, t.name AS "tenantName", t."laCode", t."suppressionThreshold", m.role::text AS role,
            ARRAY(SELECT mt."teamId" FROM "MembershipTeam" mt WHERE mt."tenantId" = m."tenantId" AND mt."userId" = m."userId" ORDER BY mt."teamId") AS "teamIds"
       FROM "User" u
       LEFT JOIN "Membership" m ON m."userId" = u.id AND m.active
       LEFT JOIN "Tenant" t ON t.id = m."tenantId"
      WHERE u.id = $1 AND u.active
      ORDER BY t.name`,
    [userId],
  );
  if (!rows.length) return null;
  const user: SessionUser = { id: userId, email: rows[0]!.email, name: rows[0]!.name };
  const contexts = rows
    .filter((r) => r.tenantId !== null)
    .map((r) => ({
      user,
      tenant: { id: r.tenantId!, slug: r.slug, name: r.tenantName, laCode: r.laCode, suppressionThreshold: r.suppressionThreshold },
      role: r.role,
      teamIds: r.teamIds,
    }));
  return { user, contexts };
}

/** memberContexts of the session's user, once per request. Null: nobody (active) is signed in. */
const signedInMemberships = cache(async (): Promise<{ user: SessionUser; contexts: TenantContext[] } | null> => {
  const userId = await sessionUserId();
  return userId ? memberContexts(userId) : null;
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
