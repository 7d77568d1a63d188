import {
  groupMeasures,
  yearGroup,
  type Attribution,
  type CohortKey,
  type Counts,
  type IsoDate,
  type Measures,
} from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";
import { sqlInList } from "@/lib/reports";
import { COUNT_COLUMNS, everMemberSql, MEMBERS, windowTotalsCtes } from "@/lib/reports/window-totals-sql";

// The cohort broken down by school (sessions at each school) and by year group, and how fresh each
// school's data is. Per-child sums come from SQL; groups are summed by lib/attendance.

const cap = (c: string) => c[0]!.toUpperCase() + c.slice(1);

export type SchoolRow = { urn: string; name: string | null; measures: Measures };
export type YearRow = { year: number; measures: Measures };
export type Freshness = { urn: string; name: string | null; latest: IsoDate | null; stale: boolean };

export function cohortStatusesIn(cohort: CohortKey): string {
  return cohort === "ALL" ? sqlInList(["CIN", "CP", "CLA"]) : sqlInList([cohort]);
}

type Window = { from: IsoDate; to: IsoDate };
type Row = Counts & { key: string; name: string | null; childId: number };

/** A school's running totals on the last day on or before `day`, looked up only `when` it is needed. */
function cutAt(alias: string, when: string, day: string): string {
  return `LEFT JOIN LATERAL (
    SELECT ${COUNT_COLUMNS.map((c) => `d."cum${cap(c)}"`).join(", ")} FROM "AttendanceDay" d
    WHERE ${when} AND d."tenantId" = $1 AND d."childId" = st."childId" AND d."schoolId" = st."schoolId" AND d.date <= ${day}
    ORDER BY d.date DESC LIMIT 1) ${alias} ON TRUE`;
}

export async function bySchool(tx: SqlRunner, tenantId: number, w: Window, attribution: Attribution, cohort: CohortKey, childIds?: number[]): Promise<SchoolRow[]> {
  const params: unknown[] = [tenantId, w.from, w.to];
  if (childIds) params.push(childIds);
  const diff = (hi: (c: string) => string, lo: (c: string) => string) =>
    COUNT_COLUMNS.map((c) => `sum(${hi(c)} - ${lo(c)})::int AS "${c}"`).join(", ");
  // Per child and school, from the window's running totals (lib/reports/window-totals-sql.ts). Under
  // "during", a status range that starts or ends inside the window is cut there, school by school.
  const [ctes, perChildSchool] =
    attribution === "ever"
      ? [
          MEMBERS,
          `SELECT st."childId", st."schoolId", ${diff((c) => `st."hi_${c}"`, (c) => `st."lo_${c}"`)}
             FROM school_totals st JOIN members m ON m."childId" = st."childId" AND ${everMemberSql(cohort)}
            WHERE st."firstDate" <= $3::date AND st."lastDate" >= $2::date
            GROUP BY st."childId", st."schoolId"`,
        ]
      : [
          `seg AS MATERIALIZED (
             SELECT s."childId", s."startDate" > $2::date AS cut_start, s."startDate" - 1 AS before_day,
                    s."endDate" IS NOT NULL AND s."endDate" < $3::date AS cut_end, s."endDate" AS end_day,
                    greatest(s."startDate", $2::date) AS first_day, least(coalesce(s."endDate", $3::date), $3::date) AS last_day
               FROM spans s WHERE s.cohort::text IN ${cohortStatusesIn(cohort)}
           )`,
          `SELECT g."childId", st."schoolId",
                  ${diff(
                    (c) => `CASE WHEN g.cut_end THEN coalesce(e."cum${cap(c)}", 0) ELSE st."hi_${c}" END`,
                    (c) => `CASE WHEN g.cut_start THEN coalesce(b."cum${cap(c)}", 0) ELSE st."lo_${c}" END`,
                  )}
             FROM seg g JOIN school_totals st ON st."childId" = g."childId" AND st."firstDate" <= g.last_day AND st."lastDate" >= g.first_day
             ${cutAt("b", "g.cut_start", "g.before_day")}
             ${cutAt("e", "g.cut_end", "g.end_day")}
            GROUP BY g."childId", st."schoolId"`,
        ];
  const { rows } = await tx.query<Row>(
    `WITH ${windowTotalsCtes(childIds ? "$4" : undefined)}, ${ctes}, per_child_school AS (${perChildSchool})
     SELECT s.urn AS key, s.name, p.*
       FROM per_child_school p JOIN "School" s ON s."tenantId" = $1 AND s.id = p."schoolId"`,
    params,
  );
  const groups = new Map<string, { name: string | null; counts: Counts[] }>();
  for (const r of rows) {
    const g = groups.get(r.key) ?? { name: r.name, counts: [] };
    g.counts.push(r);
    groups.set(r.key, g);
  }
  return [...groups.entries()]
    .map(([urn, g]) => ({ urn, name: g.name, measures: groupMeasures(g.counts) }))
    .filter((s) => s.measures.possible > 0)
    .sort((a, b) => (a.name ?? a.urn).localeCompare(b.name ?? b.urn));
}

/** Group per-child counts by national curriculum year in the academic year in which the window ends. */
export function byYearGroup(perChild: Map<number, Counts>, dateOfBirth: Map<number, IsoDate>, academicYear: number): YearRow[] {
  const groups = new Map<number, Counts[]>();
  for (const [childId, c] of perChild) {
    const dob = dateOfBirth.get(childId);
    if (!dob) continue;
    const y = yearGroup(dob, academicYear);
    groups.set(y, [...(groups.get(y) ?? []), c]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([year, counts]) => ({ year, measures: groupMeasures(counts) }));
}

/** Each school's latest register mark; stale when it is more than 7 days older than the as-of day. */
export async function freshness(tx: SqlRunner, tenantId: number, asOf: IsoDate): Promise<Freshness[]> {
  const { rows } = await tx.query<{ urn: string; name: string | null; latest: string | null }>(
    // Per child at the school (ChildSchoolSpan): its last day there, or, when that is after the as-of
    // day, its last day there on or before it (one step back along the days' key).
    `SELECT s.urn, s.name,
            to_char(max(CASE WHEN sp."lastDate" <= $2::date THEN sp."lastDate" ELSE (
              SELECT max(d.date) FROM "AttendanceDay" d
               WHERE d."tenantId" = $1 AND d."childId" = sp."childId" AND d."schoolId" = sp."schoolId" AND d.date <= $2::date) END), 'YYYY-MM-DD') AS latest
       FROM "School" s
       LEFT JOIN "ChildSchoolSpan" sp ON sp."tenantId" = $1 AND sp."schoolId" = s.id AND sp."firstDate" <= $2::date
      WHERE s."tenantId" = $1
      GROUP BY s.id, s.urn, s.name
      ORDER BY s.name, s.urn`,
    [tenantId, asOf],
  );
  const limit = new Date(Date.parse(asOf) - 7 * 86_400_000).toISOString().slice(0, 10);
  return rows.map((r) => ({ urn: r.urn, name: r.name, latest: r.latest, stale: !r.latest || r.latest < limit }));
}
