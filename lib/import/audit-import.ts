import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { withTenant } from "@/lib/db/tenant";
import type { ImportKind, ImportResult } from "./types";

// The audit entry of one import, the same for the web upload and the command line, so that the log
// answers "who loaded this file" whichever way it came in.

export async function auditImport(prisma: PrismaClient, run: { tenantId: number; actor: string; kind: ImportKind }, result: ImportResult): Promise<void> {
  await withTenant(
    run.tenantId,
    (tx) =>
      recordAudit(tx, {
        tenantId: run.tenantId,
        actor: run.actor,
        action: "import.run",
        subjectType: "import",
        subjectId: String(result.importRunId),
        detail: { kind: run.kind, status: result.status, inserted: result.inserted, updated: result.updated, rejected: result.rejected },
      }),
    { prisma },
  );
}
