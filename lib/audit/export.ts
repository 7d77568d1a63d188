import type { TenantContext } from "@/lib/auth/tenant-context";
import { withTenant } from "@/lib/db/tenant";
import { exportResponse, type ExportTable } from "@/lib/export";
import { parseAuditFilter, type AuditFilter } from "@/lib/schemas/audit";
import { recordAudit } from "./record";
import { auditEventsForExport, type AuditRow } from "./queries";
import { commandLineLabel, describeDetail } from "./describe";

// The audit log as CSV, with the same filters as the page. The export itself is audited first (no
// unaudited download), with the filters it used.

function auditTable(rows: AuditRow[]): ExportTable {
  return {
    title: "Audit log",
    columns: [
      { key: "at", label: "Time (UTC)" },
      { key: "actor", label: "User id" },
      { key: "actorName", label: "User name" },
      { key: "actorEmail", label: "User email" },
      { key: "action", label: "Action" },
      { key: "subjectType", label: "Subject type" },
      { key: "subjectId", label: "Subject id" },
      { key: "detail", label: "Detail" },
    ],
    rows: rows.map((r) => ({
      at: r.at.toISOString(),
      actor: r.actor,
      actorName: r.actorName ?? commandLineLabel(r.actor),
      actorEmail: r.actorEmail,
      action: r.action,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      detail: describeDetail(r.detail),
    })),
  };
}

function filterDetail(f: AuditFilter) {
  return { user: f.user ?? null, child: f.child ?? null, action: f.action ?? null, from: f.from ?? null, to: f.to ?? null };
}

export async function exportAuditCsv(request: Request, ctx: TenantContext): Promise<Response> {
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  const { rows, truncated } = await auditEventsForExport(ctx.tenant.id, filter);
  await withTenant(ctx.tenant.id, (tx) =>
    recordAudit(tx, {
      tenantId: ctx.tenant.id,
      actor: ctx.user.id,
      action: "audit.export",
      subjectType: "export",
      subjectId: "audit",
      detail: { ...filterDetail(filter), rows: rows.length, truncated },
    }),
  );
  const day = new Date().toISOString().slice(0, 10);
  return exportResponse(auditTable(rows), "csv", `audit-log-${ctx.tenant.slug}-${day}`);
}

/** The route handlers of the audit log as [capability, handler], wrapped by tenantRoute in app/. */
export const AUDIT_ROUTES = {
  exportCsv: ["audit.view", exportAuditCsv],
} as const;
