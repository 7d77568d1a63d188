import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { recordSecurityEventSafely } from "@/lib/audit/security-log";
import { requestClientAddress } from "./client-address";
import { can, type Capability } from "./permissions";
import { currentSession } from "./session";
import type { SignedIn, TenantContext } from "./sessions";

export type { TenantContext };

/** The session's active membership of the tenant named in the URL, or null (no such tenant, or not a member). */
export function resolveTenantContext(session: SignedIn, slug: string): TenantContext | null {
  return session.contexts.find((c) => c.tenant.slug === slug) ?? null;
}

export type Refusal = "access.not_member" | "access.refused";

function decide(session: SignedIn, slug: string, capability: Capability | undefined): { ctx: TenantContext } | { refused: Refusal } {
  const ctx = resolveTenantContext(session, slug);
  if (!ctx) return { refused: "access.not_member" };
  if (capability && !can(ctx.role, capability)) return { refused: "access.refused" };
  return { ctx };
}

function logRefusal(session: SignedIn, slug: string, kind: Refusal, capability: Capability | undefined, origin: { ip: string; path?: string }) {
  return recordSecurityEventSafely(db(), {
    slug,
    kind,
    actor: session.user.id,
    ip: origin.ip,
    path: origin.path ?? `/${slug}`,
    detail: { capability: capability ?? "member" },
  });
}

/**
 * The one check of actions and route handlers once the session is known: the membership and the
 * capability. A refusal is written to the security log of the authority named in the URL (an attempt
 * by someone who is not its member included) and comes back with its kind; routes answer not found
 * for both, actions tell a member that their role may not.
 */
export async function checkTenantAccess(
  session: SignedIn,
  slug: string,
  capability: Capability | undefined,
  origin: { ip: string; path?: string },
): Promise<{ ctx: TenantContext } | { refused: Refusal }> {
  const d = decide(session, slug, capability);
  if ("refused" in d) await logRefusal(session, slug, d.refused, capability, origin);
  return d;
}

// A page's layout and the page itself both ask: one refusal of one request is logged once.
const logPageRefusal = cache(async (slug: string, kind: Refusal, capability: Capability | undefined) => {
  const session = (await currentSession())!;
  await logRefusal(session, slug, kind, capability, { ip: await requestClientAddress() });
});

/**
 * For pages: the signed-in user's context in this tenant. Anonymous or signed out -> sign-in page; not a
 * member, or the role lacks the capability -> not found (another tenant's pages do not admit they exist),
 * and a line in the security log.
 */
export const requireTenant = cache(async (slug: string, capability?: Capability): Promise<TenantContext> => {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const d = decide(session, slug, capability);
  if ("ctx" in d) return d.ctx;
  await logPageRefusal(slug, d.refused, capability);
  notFound();
});

/** For the tenant layout: the other tenants the signed-in user may switch to (from requireTenant's read). */
export async function otherTenantsOf(slug: string): Promise<{ slug: string; name: string; role: Role }[]> {
  const session = await currentSession();
  return tenantsOf(session).filter((t) => t.slug !== slug);
}

/** The tenants a session may switch between, by name. */
export function tenantsOf(session: SignedIn | null): { slug: string; name: string; role: Role }[] {
  return (session?.contexts ?? []).map((c) => ({ slug: c.tenant.slug, name: c.tenant.name, role: c.role }));
}
