import type { Prisma } from "@/lib/generated/prisma/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import type { AuditFilter } from "@/lib/schemas/audit";
import { ukDayEnd, ukDayStart } from "./london-time";

// Reading the audit log. Entries name people by user id and children by the authority's child id;
// people's names and emails are joined from User here, children's names never are.

export const AUDIT_PAGE_SIZE = 50;
/** The most rows one CSV export carries; narrow the filters for more. */
export const AUDIT_EXPORT_LIMIT = 100_000;

export type AuditRow = {
  id: string;
  at: Date;
  actor: string;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  /** For a user subject, their name and email; otherwise null. */
  subjectUser: { name: string; email: string } | null;
  detail: Record<string, unknown> | null;
};

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageCount: number };

function whereOf(tenantId: number, f: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    tenantId,
    // "cli" is every command-line entry, whichever operating-system user ran it ("cli:<user>").
    ...(f.user ? (f.user === "cli" ? { OR: [{ actor: "cli" }, { actor: { startsWith: "cli:" } }] } : { actor: f.user }) : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.child ? { subjectType: "child", subjectId: f.child } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: ukDayStart(f.from) } : {}), ...(f.to ? { lt: ukDayEnd(f.to) } : {}) } } : {}),
  };
}

async function read(tx: Tx, tenantId: number, f: AuditFilter, skip: number, take: number): Promise<AuditRow[]> {
  const events = await tx.auditEvent.findMany({
    where: whereOf(tenantId, f),
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip,
    take,
  });
  const userIds = new Set<string>();
  for (const e of events) {
    userIds.add(e.actor);
    if (e.subjectType === "user" && e.subjectId) userIds.add(e.subjectId);
  }
  // People by this tenant's own name for them (Membership.name), never the account's own name.
  const members = await tx.membership.findMany({
    where: { tenantId, userId: { in: [...userIds] } },
    select: { userId: true, name: true, user: { select: { email: true } } },
  });
  const byId = new Map(members.map((m) => [m.userId, { id: m.userId, name: m.name, email: m.user.email }]));
  return events.map((e) => {
    const actor = byId.get(e.actor);
    const subjectUser = e.subjectType === "user" && e.subjectId ? byId.get(e.subjectId) : undefined;
    return {
      id: e.id.toString(),
      at: e.at,
      actor: e.actor,
      actorName: actor?.name ?? null,
      actorEmail: actor?.email ?? null,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      subjectUser: subjectUser ? { name: subjectUser.name, email: subjectUser.email } : null,
      detail: e.detail && typeof e.detail === "object" && !Array.isArray(e.detail) ? (e.detail as Record<string, unknown>) : null,
    };
  });
}

/** One page of the log, newest first. A page past the end shows the last page. */
export async function listAuditEvents(tenantId: number, f: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  return withTenant(tenantId, async (tx) => {
    const total = await tx.auditEvent.count({ where: whereOf(tenantId, f) });
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const page = Math.min(f.page, pageCount);
    const rows = await read(tx, tenantId, f, (page - 1) * pageSize, pageSize);
    return { rows, total, page, pageCount };
  });
}

/** Every matching entry, newest first, up to the export limit. */
export async function auditEventsForExport(tenantId: number, f: AuditFilter, limit = AUDIT_EXPORT_LIMIT): Promise<{ rows: AuditRow[]; truncated: boolean }> {
  return withTenant(tenantId, async (tx) => {
    const rows = await read(tx, tenantId, f, 0, limit + 1);
    return { rows: rows.slice(0, limit), truncated: rows.length > limit };
  }, { timeoutMs: 120_000 });
}

export type AuditUserOption = { id: string; label: string };

/** The people who can appear in this tenant's log (its members, active or not), for the user filter. */
export async function auditUserOptions(tenantId: number): Promise<AuditUserOption[]> {
  const members = await withTenant(tenantId, (tx) =>
    tx.membership.findMany({
      where: { tenantId },
      select: { name: true, user: { select: { id: true, email: true } } },
      orderBy: [{ name: "asc" }, { user: { email: "asc" } }],
    }),
  );
  return members.map((m) => ({ id: m.user.id, label: `${m.name} (${m.user.email})` }));
}
