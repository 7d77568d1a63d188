import { recordAudit } from "@/lib/audit/record";
import { withTenant } from "@/lib/db/tenant";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ExportFormat } from "./table";

export type ExportAudit = {
  tenantId: number;
  /** User id, never a name. */
  actor: string;
  format: ExportFormat;
  /** Which table, e.g. "gaps" (a fixed identifier, not free text). */
  table: string;
  from?: string;
  to?: string;
  rows: number;
};

/** Every export is audited: which table, which window, how many rows. No child names, no figures. */
export async function recordExport(e: ExportAudit, prisma?: PrismaClient): Promise<void> {
  await withTenant(
    e.tenantId,
    (tx) =>
      recordAudit(tx, {
        tenantId: e.tenantId,
        actor: e.actor,
        action: e.format === "csv" ? "export.csv" : "export.xlsx",
        subjectType: "export",
        subjectId: e.table,
        detail: { table: e.table, from: e.from ?? null, to: e.to ?? null, rows: e.rows },
      }),
    { prisma },
  );
}
