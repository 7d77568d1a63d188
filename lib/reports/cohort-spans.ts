// ChildCohortSpan: each child's status timeline, derived from StatusEpisode with the same rules as every
// report (cohortDaysCte, "during" attribution, over all time): per cohort, the disjoint date ranges it
// holds. With it a window's cohorts are a range look-up per child instead of range arithmetic over the
// episodes, and a range that starts or ends inside a window brings the child's running totals at its
// edges along, so "during" needs no look-up of the day totals either (child-counts.ts).
import type { SqlRunner } from "@/lib/db/raw";
import { cohortDaysCte } from "./cohort-days-sql";
import { clearStoredWindows } from "./stored-windows";

const COUNTS = ["Possible", "Attended", "Authorised", "Unauthorised", "NoMark"] as const;

/** The child's running totals over all its schools on the day `day` (a column of `r`), as columns prefix + count. */
function totalsAt(day: string, alias: string): string {
  return `LEFT JOIN LATERAL (
      SELECT ${COUNTS.map((c) => `coalesce(sum(t."cum${c}"), 0)::int AS "${c}"`).join(", ")}
      FROM "ChildSchoolSpan" sp
      CROSS JOIN LATERAL (
        SELECT d."cumPossible", d."cumAttended", d."cumAuthorised", d."cumUnauthorised", d."cumNoMark" FROM "AttendanceDay" d
        WHERE d."tenantId" = $1 AND d."childId" = sp."childId" AND d."schoolId" = sp."schoolId" AND d.date <= ${day}
        ORDER BY d.date DESC LIMIT 1) t
      WHERE sp."tenantId" = $1 AND sp."childId" = r."childId" AND sp."firstDate" <= ${day}) ${alias} ON TRUE`;
}

/**
 * Rebuilds the status timeline of the given children (all of the tenant's when omitted). Run inside the
 * transaction that changed their episodes or marks (withTenantRaw), after their day totals.
 */
export async function refreshCohortSpans(tx: SqlRunner, tenantId: number, childIds?: readonly number[]): Promise<void> {
  if (childIds && childIds.length === 0) return;
  // Their figures change, so no stored window of the tenant holds any longer (stored-windows.ts).
  await clearStoredWindows(tx, tenantId);
  const params: unknown[] = [tenantId, "-infinity", "infinity"];
  if (childIds) params.push([...childIds]);
  await tx.query(
    `DELETE FROM "ChildCohortSpan" WHERE "tenantId" = $1${childIds ? ` AND "childId" = ANY($2::int[])` : ""}`,
    childIds ? [tenantId, [...childIds]] : [tenantId],
  );
  // Ranges come out of the multiranges as [start, end + 1); an open episode ends at 'infinity'.
  // MATERIALIZED keeps before_day / end_day plain columns, which the look-ups can use as index bounds.
  await tx.query(
    `WITH ${cohortDaysCte("during", { childIdsParam: childIds ? "$4" : undefined })},
     r AS MATERIALIZED (
       SELECT cd."childId", cd.cohort, lower(u.r) AS start_day, lower(u.r) - 1 AS before_day,
              CASE WHEN upper(u.r) = 'infinity' THEN NULL ELSE upper(u.r) - 1 END AS end_day
       FROM cohort_days cd CROSS JOIN LATERAL unnest(cd.days) AS u(r)
     )
     INSERT INTO "ChildCohortSpan" ("tenantId", "childId", cohort, "startDate", "endDate",
       ${COUNTS.map((c) => `"before${c}"`).join(", ")}, ${COUNTS.map((c) => `"end${c}"`).join(", ")})
     SELECT $1, r."childId", r.cohort::"Status", r.start_day, r.end_day,
       ${COUNTS.map((c) => `b."${c}"`).join(", ")}, ${COUNTS.map((c) => `coalesce(e."${c}", 0)`).join(", ")}
     FROM r
     ${totalsAt("r.before_day", "b")}
     ${totalsAt("r.end_day", "e")}`,
    params,
  );
}
