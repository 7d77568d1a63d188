// Session counts per child and cohort for a window: the set-based core of every attendance figure.
// The database does the work; JavaScript receives one row per child and cohort (selectChildCounts), for
// the report's per-child entries and the lists of children, or only the group sums (selectCohortMeasures)
// where a page needs no more. See window-totals-sql.ts for how a window's counts are read from the
// derived tables without touching the marks.
import { COHORTS, emptyMeasures, SOCIAL_WORKER_STATUSES, type Attribution, type CohortKey, type Counts, type Measures, type Status } from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";
import { sqlInList } from "./code-sql";
import { measuresColumnsSql, measuresOf, type MeasuresRow } from "./measures-sql";
import { storedCountsSource } from "./stored-windows";
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
 * `WITH ..., cohort_counts AS (...)` for the window, and its parameters: one row per child and status
 * cohort ("childId", cohort, and the counts), read from the stored rows when the window was stored at
 * the last import (stored-windows.ts), else worked out from the day totals. Run inside withTenantRaw.
 */
export async function cohortCountsSource(
  tx: SqlRunner,
  tenantId: number,
  window: DateWindow,
  attribution: Attribution,
  filter: ChildFilter = {},
): Promise<{ sql: string; params: unknown[] }> {
  assertWindow(window);
  const stored = await storedCountsSource(tx, tenantId, window, attribution, filter.childIds);
  if (stored) return stored;
  const params: unknown[] = [tenantId, window.from, window.to];
  if (filter.childIds) params.push([...filter.childIds]);
  return { sql: cohortCountsSql(attribution, filter.childIds ? "$4" : undefined), params };
}

/**
 * Every child in a cohort of the window, with the sessions the cohort holds: one row per child and
 * status cohort, including children whose cohort holds no possible session (counts 0). Run inside
 * withTenantRaw.
 */
export async function selectChildCounts(
  tx: SqlRunner,
  tenantId: number,
  window: DateWindow,
  attribution: Attribution,
  filter: ChildFilter = {},
): Promise<ChildCohortCounts[]> {
  const source = await cohortCountsSource(tx, tenantId, window, attribution, filter);
  const { rows } = await tx.query<ChildCohortCounts>(
    `${source.sql}
SELECT cc."childId", c."childRef", cc.cohort, ${COUNT_COLUMNS.map((k) => `cc."${k}"`).join(", ")}
FROM cohort_counts cc JOIN "Child" c ON c."tenantId" = $1 AND c.id = cc."childId"`,
    source.params,
  );
  return rows;
}

/**
 * The measures of every cohort of the contract (ALL, CIN, CP, CLA, PLAC, KIN) for the window, summed by
 * the database: the same figures as cohortMeasures(selectChildCounts(...)), but only six rows leave it.
 * ALL holds each child once, with the sessions of its CIN / CP / CLA rows. Run inside withTenantRaw.
 */
export async function selectCohortMeasures(
  tx: SqlRunner,
  tenantId: number,
  window: DateWindow,
  attribution: Attribution,
  filter: ChildFilter = {},
): Promise<Record<CohortKey, Measures>> {
  const source = await cohortCountsSource(tx, tenantId, window, attribution, filter);
  const sums = COUNT_COLUMNS.map((k) => `sum("${k}") AS "${k}"`).join(", ");
  const { rows } = await tx.query<MeasuresRow & { cohort: CohortKey }>(
    `${source.sql},
per_child AS (
  SELECT cohort, ${COUNT_COLUMNS.map((k) => `"${k}"`).join(", ")} FROM cohort_counts
  UNION ALL
  SELECT 'ALL', ${sums} FROM cohort_counts WHERE cohort IN ${sqlInList(SOCIAL_WORKER_STATUSES)} GROUP BY "childId"
)
SELECT r.cohort, ${measuresColumnsSql("r")} FROM per_child r GROUP BY r.cohort`,
    source.params,
  );
  const found = new Map(rows.map((r) => [r.cohort, measuresOf(r)]));
  return Object.fromEntries(COHORTS.map((k) => [k, found.get(k) ?? emptyMeasures()])) as Record<CohortKey, Measures>;
}
