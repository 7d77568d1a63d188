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
  "export.csv": "Exported CSV",
  "export.xlsx": "Exported spreadsheet",
  "export.json": "Downloaded the report JSON",
  "import.run": "Ran an import",
  "target.save": "Saved a target",
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
