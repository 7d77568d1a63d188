import { withTenant } from "@/lib/db/tenant";
import { SECURITY_EVENTS, type SecurityEventKind } from "./security-log";

export type SecurityRow = {
  id: string;
  at: Date;
  kind: string;
  label: string;
  /** This authority's name for the person, or null for someone who is not its member (never named). */
  actorName: string | null;
  actorEmail: string | null;
  ip: string | null;
  path: string | null;
  capability: string | null;
};

export const SECURITY_LOG_LIMIT = 200;

/**
 * The tenant's security log, newest first: refused and cross-tenant attempts on this authority. A person
 * who is not a member appears as such: their name and email stay with the authority they belong to.
 */
export async function listSecurityEvents(tenantId: number, limit = SECURITY_LOG_LIMIT): Promise<SecurityRow[]> {
  return withTenant(tenantId, async (tx) => {
    const events = await tx.securityEvent.findMany({ where: { tenantId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
    const actors = [...new Set(events.map((e) => e.actor).filter((a): a is string => Boolean(a)))];
    const members = await tx.membership.findMany({
      where: { tenantId, userId: { in: actors } },
      select: { userId: true, name: true, user: { select: { email: true } } },
    });
    const byId = new Map(members.map((m) => [m.userId, m]));
    return events.map((e) => {
      const member = e.actor ? byId.get(e.actor) : undefined;
      const detail = (e.detail ?? {}) as { capability?: unknown };
      return {
        id: e.id.toString(),
        at: e.at,
        kind: e.kind,
        label: SECURITY_EVENTS[e.kind as SecurityEventKind] ?? e.kind,
        actorName: member?.name ?? null,
        actorEmail: member?.user.email ?? null,
        ip: e.ip,
        path: e.path,
        capability: typeof detail.capability === "string" ? detail.capability : null,
      };
    });
  });
}
