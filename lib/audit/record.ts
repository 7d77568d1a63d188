import type { SqlRunner } from "@/lib/db/raw";
import type { Tx } from "@/lib/db/tenant";

// The audit trail: who did what, when, in which tenant, to which subject. Ids only, never names:
// the audit log itself must not become a second copy of children's personal data.
export type AuditEntry = {
  tenantId: number;
  actor: string;
  action: AuditAction;
  subjectType?: "child" | "user" | "import" | "target" | "export" | "report";
  subjectId?: string;
  detail?: Record<string, string | number | boolean | null>;
};

/** Every action the app records, with the label the audit log shows for it. */
export const AUDIT_ACTIONS = {
  "auth.signin": "Signed in",
  "child.view": "Viewed a child's record",
  "children.list": "Viewed a list of children",
  "export.csv": "Exported CSV",
  "export.xlsx": "Exported spreadsheet",
  "export.json": "Downloaded the report JSON",
  "import.run": "Ran an import",
  "target.save": "Saved a target",
  "target.delete": "Deleted a target",
  "target.copy": "Copied targets",
  "user.add": "Added a user",
  "user.update": "Changed a user's role or teams",
  "user.deactivate": "Deactivated a user",
  "user.reactivate": "Reactivated a user",
  "audit.export": "Exported the audit log",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/**
 * The subject of an entry about one child: the authority's own child id (Child.childRef), which is what
 * the audit log's child filter matches. Never the child's name, and not our internal row id.
 */
export function childSubject(childRef: string): { subjectType: "child"; subjectId: string } {
  return { subjectType: "child", subjectId: childRef };
}

export async function recordAudit(tx: Tx, e: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      tenantId: e.tenantId,
      actor: e.actor,
      action: e.action,
      subjectType: e.subjectType ?? null,
      subjectId: e.subjectId ?? null,
      detail: e.detail ?? undefined,
    },
  });
}

/** recordAudit for a plain-SQL transaction (withTenantRaw): the entry is written with the reads it audits. */
export async function recordAuditRaw(tx: SqlRunner, e: AuditEntry): Promise<void> {
  await tx.query(
    // "at" in UTC, as Prisma writes it (the column has no time zone).
    `INSERT INTO "AuditEvent" ("tenantId", at, actor, action, "subjectType", "subjectId", detail)
     VALUES ($1, clock_timestamp() AT TIME ZONE 'UTC', $2, $3, $4, $5, $6::jsonb)`,
    [e.tenantId, e.actor, e.action, e.subjectType ?? null, e.subjectId ?? null, e.detail ? JSON.stringify(e.detail) : null],
  );
}
