// Session counts per child and cohort for a window: the set-based core of every attendance figure.
// The database does the work; JavaScript only receives one row per child and cohort, which the report
// and the dashboards then summarise. See window-totals-sql.ts for how a window's counts are read from
// the derived tables without touching the marks.
import type { Attribution, Counts, Status } from "@/lib/attendance";
import type { RawDb, SqlRunner } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import { selectStoredCounts } from "./stored-windows";
import { cohortCountsSql, COUNT_COLUMNS } from "./window-totals-sql";
import { assertWindow, type DateWindow } from "./window";

/** One child's sessions in one status cohort (never ALL: see allCountsByChild). */
export type ChildCohortCounts = Counts & {
  /** Child.id, the database key. */
  childId: number;
  /** The authority's child_id. */
  childRef: string;
  cohort: Status;
};

export type ChildFilter = {
  /** Only these children (Child.id); all of the tenant's children when absent. */
  childIds?: readonly number[];
};

/**
 * Every child in a cohort of the window, with the sessions the cohort holds: one row per child and
 * status cohort, including children whose cohort holds no possible session (counts 0). A window stored
 * at the last import (stored-windows.ts) is read from its table. Run inside withTenantRaw.
 */
export async function selectChildCounts(
  tx: SqlRunner,
  tenantId: number,
  window: DateWindow,
  attribution: Attribution,
  filter: ChildFilter = {},
): Promise<ChildCohortCounts[]> {
  assertWindow(window);
  const stored = await selectStoredCounts(tx, tenantId, window, attribution, filter.childIds);
  if (stored) return stored;
  const params: unknown[] = [tenantId, window.from, window.to];
  if (filter.childIds) params.push([...filter.childIds]);
  const sql = `${cohortCountsSql(attribution, filter.childIds ? "$4" : undefined)}
SELECT cc."childId", c."childRef", cc.cohort, ${COUNT_COLUMNS.map((k) => `cc."${k}"`).join(", ")}
FROM cohort_counts cc JOIN "Child" c ON c."tenantId" = $1 AND c.id = cc."childId"`;
  const { rows } = await tx.query<ChildCohortCounts>(sql, params);
  return rows;
}

/** selectChildCounts in its own tenant-scoped transaction. */
export function childCounts(
  raw: RawDb,
  tenantId: number,
  window: DateWindow,
  attribution: Attribution,
  filter: ChildFilter = {},
): Promise<ChildCohortCounts[]> {
  return withTenantRaw(raw, tenantId, (tx) => selectChildCounts(tx, tenantId, window, attribution, filter));
}
