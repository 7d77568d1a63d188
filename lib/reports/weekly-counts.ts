// Week-by-week session counts, for trend charts: per cohort (the dashboards) and per child (a child's
// page). Weeks start on Monday; a week cut by the window holds only the window's days.
import { type Attribution, type CohortKey, type Counts, type IsoDate } from "@/lib/attendance";
import type { RawDb } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import { countColumnsSql, POSSIBLE_IN } from "./code-sql";
import { cohortDaysCte, SOCIAL_WORKER_IN } from "./cohort-days-sql";
import type { ChildFilter } from "./child-counts";
import { assertWindow, type DateWindow } from "./window";

export type WeekCounts = Counts & { /** Monday of the week. */ weekStart: IsoDate };
export type CohortWeekCounts = WeekCounts & {
  cohort: CohortKey;
  /** Children of the cohort with at least one possible session that week. */
  children: number;
};

// Monday of the mark's week, as date arithmetic (no timestamps, so no time zone can shift it).
const WEEK_START = `to_char(m.date - (extract(isodow FROM m.date)::int - 1), 'YYYY-MM-DD')`;

/**
 * Per week and cohort (ALL included), the sessions the cohort holds under `attribution`. Under "ever" a
 * child belongs to the cohorts of the whole window in every week of it. Weeks without a mark are absent.
 */
export function cohortWeeklyCounts(
  raw: RawDb,
  tenantId: number,
  window: DateWindow,
  attribution: Attribution,
  filter: ChildFilter = {},
): Promise<CohortWeekCounts[]> {
  assertWindow(window);
  const params: unknown[] = [tenantId, window.from, window.to];
  if (filter.childIds) params.push([...filter.childIds]);
  const sql = `WITH ${cohortDaysCte(attribution, { childIdsParam: filter.childIds ? "$4" : undefined })},
attributed AS (
  SELECT "childId", cohort, days FROM cohort_days
  UNION ALL
  SELECT "childId", 'ALL', days FROM cohort_days WHERE cohort IN ${SOCIAL_WORKER_IN}
)
SELECT ${WEEK_START} AS "weekStart", a.cohort AS cohort,
  ${countColumnsSql("m.code")},
  count(DISTINCT m."childId") FILTER (WHERE m.code IN ${POSSIBLE_IN})::int AS children
FROM attributed a
JOIN "AttendanceMark" m
  ON m."tenantId" = $1 AND m."childId" = a."childId"
  AND m.date >= $2::date AND m.date <= $3::date AND m.date <@ a.days
GROUP BY 1, 2
ORDER BY 1, 2`;
  return withTenantRaw(raw, tenantId, async (tx) => (await tx.query<CohortWeekCounts>(sql, params)).rows);
}

/** Per week, all of one child's sessions in the window (every school, whatever the status). */
export function childWeeklyCounts(raw: RawDb, tenantId: number, childId: number, window: DateWindow): Promise<WeekCounts[]> {
  assertWindow(window);
  const sql = `SELECT ${WEEK_START} AS "weekStart",
  ${countColumnsSql("m.code")}
FROM "AttendanceMark" m
WHERE m."tenantId" = $1 AND m."childId" = $4 AND m.date >= $2::date AND m.date <= $3::date
GROUP BY 1
ORDER BY 1`;
  return withTenantRaw(raw, tenantId, async (tx) => (await tx.query<WeekCounts>(sql, [tenantId, window.from, window.to, childId])).rows);
}
