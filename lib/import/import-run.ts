import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SqlRunner } from "@/lib/db/raw";
import { withTenant } from "@/lib/db/tenant";
import type { ImportKind, ImportResult } from "./types";

// Every import is recorded as an ImportRun. A successful one is written inside the import's own
// transaction (so the run and its data commit together); a refused or failed one in a small
// transaction of its own after the data transaction rolled back.

const KIND: Record<ImportKind, "CHILDREN" | "STATUSES" | "ATTENDANCE"> = {
  children: "CHILDREN",
  statuses: "STATUSES",
  attendance: "ATTENDANCE",
};

export type RunInfo = { tenantId: number; kind: ImportKind; fileName: string; actor: string };
type Outcome = Omit<ImportResult, "importRunId" | "linked"> & { rows: number };

/** Inside the data transaction, once it holds the tenant's import lock. */
export async function startRun(tx: SqlRunner, run: RunInfo): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO "ImportRun" ("tenantId", kind, "fileName", actor, status, "startedAt")
     VALUES ($1, $2::"ImportKind", $3, $4, 'RUNNING', clock_timestamp()) RETURNING id`,
    [run.tenantId, KIND[run.kind], run.fileName, run.actor],
  );
  return rows[0]!.id;
}

export async function finishRun(tx: SqlRunner, id: number, tenantId: number, o: Outcome): Promise<void> {
  await tx.query(
    `UPDATE "ImportRun" SET status = $3::"ImportStatus", "finishedAt" = clock_timestamp(), rows = $4, inserted = $5,
       updated = $6, unchanged = $7, rejected = $8, unmatched = $9, "rejectedRows" = $10::jsonb, warnings = $11::jsonb,
       message = $12
     WHERE "tenantId" = $1 AND id = $2`,
    [
      tenantId,
      id,
      o.status,
      o.rows,
      o.inserted,
      o.updated,
      o.unchanged,
      o.rejected,
      o.unmatched,
      JSON.stringify(o.rejectedRows),
      JSON.stringify(o.warnings),
      o.message ?? null,
    ],
  );
}

/** A refused or failed import, in a transaction of its own. */
export async function recordEndedRun(prisma: PrismaClient, run: RunInfo, o: Outcome): Promise<number> {
  const created = await withTenant(
    run.tenantId,
    (tx) =>
      tx.importRun.create({
        data: {
          tenantId: run.tenantId,
          kind: KIND[run.kind],
          fileName: run.fileName,
          actor: run.actor,
          status: o.status,
          finishedAt: new Date(),
          rows: o.rows,
          inserted: o.inserted,
          updated: o.updated,
          unchanged: o.unchanged,
          rejected: o.rejected,
          unmatched: o.unmatched,
          rejectedRows: o.rejectedRows,
          warnings: o.warnings,
          message: o.message ?? null,
        },
        select: { id: true },
      }),
    { prisma },
  );
  return created.id;
}
