import { academicYearOf, addDays, type Attribution, type Counts, type IsoDate } from "@/lib/attendance";
import type { RawDb } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import {
  allCountsByChild,
  characteristicMeasures,
  cohortDaysCte,
  cohortMeasures,
  countColumnsSql,
  selectChildAttributes,
  type ChildCohortCounts,
} from "@/lib/reports";
import type { DateWindow } from "@/lib/reports/window";

// The baseline: the same figures computed the plain way, one aggregate over the raw register marks
// joined to the status episodes, with no summary table. Same transaction, role and row-level security
// as the app, so the ratio measures the data design and nothing else.

/** Per child and cohort, the window's sessions straight from AttendanceMark. */
export async function plainChildCounts(raw: RawDb, tenantId: number, w: DateWindow, attribution: Attribution): Promise<ChildCohortCounts[]> {
  const sql = `WITH ${cohortDaysCte(attribution)}
SELECT cd."childId", c."childRef", cd.cohort, ${countColumnsSql("m.code")}
FROM cohort_days cd
JOIN "Child" c ON c."tenantId" = $1 AND c.id = cd."childId"
LEFT JOIN "AttendanceMark" m ON m."tenantId" = $1 AND m."childId" = cd."childId"
  AND m.date >= $2::date AND m.date <= $3::date AND m.date <@ cd.days
GROUP BY cd."childId", c."childRef", cd.cohort`;
  return withTenantRaw(raw, tenantId, async (tx) => (await tx.query<ChildCohortCounts>(sql, [tenantId, w.from, w.to])).rows);
}

export async function plainCohortFigures(raw: RawDb, tenantId: number, w: DateWindow, attribution: Attribution) {
  return cohortMeasures(await plainChildCounts(raw, tenantId, w, attribution));
}

/** The gap report's figures (cohorts and characteristics) from the plain counts. */
export async function plainGapFigures(raw: RawDb, tenantId: number, w: DateWindow, attribution: Attribution) {
  const rows = await plainChildCounts(raw, tenantId, w, attribution);
  const all = allCountsByChild(rows);
  const attributes = await withTenantRaw(raw, tenantId, (tx) => selectChildAttributes(tx, tenantId, [...all.keys()]));
  return { cohorts: cohortMeasures(rows), characteristics: characteristicMeasures(all, attributes, academicYearOf(w.to)) };
}

/** A caseload's four windows per child (term, year, last 4 weeks, a week ago) from the raw marks. */
export async function plainSummaries(raw: RawDb, tenantId: number, childIds: number[], w: { yearFrom: IsoDate; termFrom: IsoDate; termTo: IsoDate; asOf: IsoDate }) {
  const windows: [string, IsoDate, IsoDate][] = [
    ["year", w.yearFrom, w.asOf],
    ["term", w.termFrom, w.termTo < w.asOf ? w.termTo : w.asOf],
    ["last4", addDays(w.asOf, -27), w.asOf],
    ["weekAgo", w.yearFrom, addDays(w.asOf, -7)],
  ];
  const sql = windows
    .map(
      ([name], i) => `SELECT m."childId", '${name}' AS w, ${countColumnsSql("m.code")} FROM "AttendanceMark" m
   WHERE m."tenantId" = $1 AND m."childId" = ANY($2::int[]) AND m.date >= $${3 + 2 * i}::date AND m.date <= $${4 + 2 * i}::date
   GROUP BY m."childId"`,
    )
    .join("\nUNION ALL\n");
  const params = [tenantId, childIds, ...windows.flatMap(([, from, to]) => [from, to])];
  return withTenantRaw(raw, tenantId, async (tx) => (await tx.query<Counts & { childId: number; w: string }>(sql, params)).rows);
}
