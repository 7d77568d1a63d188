import { commandLineLabel } from "@/lib/audit/describe";
import { withTenant } from "@/lib/db/tenant";
import type { RejectedRow } from "@/lib/import";

// The tenant's import history, newest first, and one run's rejected rows for download.

export type ImportRunSummary = {
  id: number;
  kind: string;
  fileName: string;
  status: string;
  actorName: string;
  startedAt: Date;
  finishedAt: Date | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unmatched: number;
  message: string | null;
};

export async function importHistory(tenantId: number, take = 25): Promise<ImportRunSummary[]> {
  return withTenant(tenantId, async (tx) => {
    const runs = await tx.importRun.findMany({
      where: { tenantId },
      orderBy: { startedAt: "desc" },
      take,
      select: { id: true, kind: true, fileName: true, status: true, actor: true, startedAt: true, finishedAt: true, rows: true, inserted: true, updated: true, unchanged: true, rejected: true, unmatched: true, message: true },
    });
    // People by this authority's own name for them (Membership.name), never the account's own name.
    const members = await tx.membership.findMany({ where: { tenantId, userId: { in: runs.map((r) => r.actor) } }, select: { userId: true, name: true } });
    const names = new Map(members.map((m) => [m.userId, m.name]));
    return runs.map(({ actor, ...r }) => ({ ...r, actorName: commandLineLabel(actor) ?? names.get(actor) ?? "Unknown user" }));
  });
}

export async function rejectedRowsOf(tenantId: number, id: number): Promise<{ fileName: string; rows: RejectedRow[] } | null> {
  return withTenant(tenantId, async (tx) => {
    const run = await tx.importRun.findFirst({ where: { tenantId, id }, select: { fileName: true, rejectedRows: true } });
    return run ? { fileName: run.fileName, rows: run.rejectedRows as RejectedRow[] } : null;
  });
}
