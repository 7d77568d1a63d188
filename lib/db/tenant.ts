import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TransactionClient } from "@/lib/generated/prisma/internal/prismaNamespace";
import { db } from "./client";
import type { RawDb, SqlRunner } from "./raw";

// Every tenant-scoped read and write runs through one of these two functions. Inside, the
// transaction has set app.tenant_id and switched to the role vs_app, so the database's row-level
// security (prisma/migrations/*_row_level_security) lets it see and write only that tenant's rows,
// whatever the query's own where clause says. Queries still name the tenant in their where clause:
// the policies are the second lock, not the only one.

export type Tx = TransactionClient;

// One round trip: the tenant, the role (set_config('role') is SET LOCAL ROLE), and no JIT compilation,
// which costs more than it saves on the short, index-driven queries of a page (the planner's cost
// estimates of a multi-join report would otherwise trigger it at every request).
const SCOPE_SQL = "SELECT set_config('app.tenant_id', $1, true), set_config('role', 'vs_app', true), set_config('jit', 'off', true)";

export async function withTenant<T>(
  tenantId: number,
  fn: (tx: Tx) => Promise<T>,
  options: { prisma?: PrismaClient; timeoutMs?: number } = {},
): Promise<T> {
  const prisma = options.prisma ?? db();
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(SCOPE_SQL, String(tenantId));
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? 30_000, maxWait: 30_000 },
  );
}

export async function withTenantRaw<T>(raw: RawDb, tenantId: number, fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
  return raw.transaction(async (tx) => {
    await tx.query(SCOPE_SQL, [String(tenantId)]);
    return fn(tx);
  });
}
