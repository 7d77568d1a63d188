// How a window's session counts are read from the derived tables (day-totals.ts, cohort-spans.ts),
// whatever the window's length, without touching the marks and without a look-up per child:
//
//   hi, lo   the running totals of every child and school on the tenant's last register day on or
//            before the window's end (hi) and before its start (lo): two index range scans, one row per
//            child and school (slices), instead of two index descents per child and school.
//   totals   per child, the running totals over all its schools at the window's end and before its
//            start. A school the child left before the window's end gives its final totals
//            (ChildSchoolSpan), one it joined after gives 0; a school without a register on the slice's
//            day (another calendar, dual registration) is looked up on its own.
//   spans    the child's status timeline ranges that meet the window (ChildCohortSpan).
//
// Then "ever": the child's cohorts are the highest social worker cohort among its ranges, and PLAC /
// KIN where held, each with the whole window (totals at the end minus totals before the start).
// "during": each range contributes its days in the window; a range that starts or ends inside the
// window brings its own running totals for that edge.
//
// Parameters: $1 tenant, $2 first day, $3 last day; an optional child filter names its own parameter.
import { SOCIAL_WORKER_STATUSES, type Attribution } from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";
import { sqlLiteral } from "./code-sql";

export const COUNT_COLUMNS = ["possible", "attended", "authorised", "unauthorised", "noMark"] as const;
const CAP = (c: string) => c[0]!.toUpperCase() + c.slice(1);
const cum = (c: string) => `"cum${CAP(c)}"`;

function slice(name: string, dayCondition: string): string {
  return `${name} AS MATERIALIZED (
  SELECT d."childId", d."schoolId", ${COUNT_COLUMNS.map((c) => `d.${cum(c)}`).join(", ")}
  FROM "AttendanceDay" d
  WHERE d."tenantId" = $1 AND d.date = (SELECT max(x.date) FROM "AttendanceDay" x WHERE x."tenantId" = $1 AND x.date ${dayCondition})
)`;
}

/** A school's running totals on the last day on or before / before `bound`, for a row whose slice had none. */
function probe(alias: string, when: string, op: "<=" | "<", bound: string): string {
  return `LEFT JOIN LATERAL (
    SELECT ${COUNT_COLUMNS.map((c) => `d.${cum(c)}`).join(", ")} FROM "AttendanceDay" d
    WHERE p.${when} AND d."tenantId" = $1 AND d."childId" = p."childId" AND d."schoolId" = p."schoolId" AND d.date ${op} ${bound}
    ORDER BY d.date DESC LIMIT 1) ${alias} ON TRUE`;
}

/** `spans AS (...)`: the status timeline ranges that meet the window $2..$3. */
export function spansCte(childIdsParam?: string): string {
  return `spans AS MATERIALIZED (
  SELECT s.* FROM "ChildCohortSpan" s
  WHERE s."tenantId" = $1 AND s."startDate" <= $3::date AND (s."endDate" IS NULL OR s."endDate" >= $2::date)${
    childIdsParam ? ` AND s."childId" = ANY(${childIdsParam}::int[])` : ""
  }
)`;
}

/**
 * `spans AS (...), hi AS (...), lo AS (...), ..., school_totals AS (...), totals AS (...)`: to follow a
 * WITH. school_totals: per child and school, "hi_<count>" and "lo_<count>"; totals: the same per child.
 */
export function windowTotalsCtes(childIdsParam?: string): string {
  const only = (alias: string) => (childIdsParam ? ` AND ${alias}."childId" = ANY(${childIdsParam}::int[])` : "");
  // Per school: 0 before its first day, its final totals from its last day on, else the slice's row.
  const atEnd = (c: string) =>
    `CASE WHEN sp."firstDate" > $3::date THEN 0 WHEN sp."lastDate" <= $3::date THEN sp.${cum(c)} ELSE h.${cum(c)} END AS "hi_${c}"`;
  const beforeStart = (c: string) =>
    `CASE WHEN sp."firstDate" >= $2::date THEN 0 WHEN sp."lastDate" < $2::date THEN sp.${cum(c)} ELSE l.${cum(c)} END AS "lo_${c}"`;
  const cols = [...COUNT_COLUMNS.map((c) => `"hi_${c}"`), ...COUNT_COLUMNS.map((c) => `"lo_${c}"`)];
  return `${spansCte(childIdsParam)},
${slice("hi", "<= $3::date")},
${slice("lo", "< $2::date")},
per_school AS MATERIALIZED (
  SELECT sp."childId", sp."schoolId", sp."firstDate", sp."lastDate",
    (sp."firstDate" <= $3::date AND sp."lastDate" > $3::date AND h."childId" IS NULL) AS probe_hi,
    (sp."firstDate" < $2::date AND sp."lastDate" >= $2::date AND l."childId" IS NULL) AS probe_lo,
    ${COUNT_COLUMNS.map(atEnd).join(", ")},
    ${COUNT_COLUMNS.map(beforeStart).join(", ")}
  FROM "ChildSchoolSpan" sp
  LEFT JOIN hi h ON h."childId" = sp."childId" AND h."schoolId" = sp."schoolId"
  LEFT JOIN lo l ON l."childId" = sp."childId" AND l."schoolId" = sp."schoolId"
  WHERE sp."tenantId" = $1${only("sp")}
),
looked_up AS (
  SELECT p."childId", p."schoolId", p."firstDate", p."lastDate", ${COUNT_COLUMNS.map((c) => `coalesce(ph.${cum(c)}, p."hi_${c}")`).join(", ")},
    ${COUNT_COLUMNS.map((c) => `coalesce(pl.${cum(c)}, p."lo_${c}")`).join(", ")}
  FROM per_school p
  ${probe("ph", "probe_hi", "<=", "$3::date")}
  ${probe("pl", "probe_lo", "<", "$2::date")}
  WHERE p.probe_hi OR p.probe_lo
),
school_totals AS MATERIALIZED (
  SELECT "childId", "schoolId", "firstDate", "lastDate", ${cols.join(", ")} FROM per_school WHERE NOT (probe_hi OR probe_lo)
  UNION ALL SELECT * FROM looked_up
),
totals AS MATERIALIZED (
  SELECT "childId", ${cols.map((c) => `sum(${c}) AS ${c}`).join(", ")} FROM school_totals GROUP BY "childId"
)`;
}

const RANK = `CASE s.cohort::text ${SOCIAL_WORKER_STATUSES.map((st, i) => `WHEN ${sqlLiteral(st)} THEN ${i + 1}`).join(" ")} END`;
const COHORT_OF_RANK = `CASE m.top ${SOCIAL_WORKER_STATUSES.map((st, i) => `WHEN ${i + 1} THEN ${sqlLiteral(st)}`).join(" ")} END`;

/**
 * `members AS (...)` over windowTotalsCtes' spans: per child, its highest social worker cohort in the
 * window as a rank (top: 1 CIN, 2 CP, 3 CLA; null without one), and whether it holds PLAC / KIN there.
 */
export const MEMBERS = `members AS (
  SELECT s."childId", max(${RANK}) AS top, bool_or(s.cohort = 'PLAC') AS plac, bool_or(s.cohort = 'KIN') AS kin
  FROM spans s GROUP BY s."childId"
)`;

/** The condition on members m of being in `cohort` under "ever". */
export function everMemberSql(cohort: string): string {
  if (cohort === "ALL") return "m.top IS NOT NULL";
  if (cohort === "PLAC") return "m.plac";
  if (cohort === "KIN") return "m.kin";
  const rank = SOCIAL_WORKER_STATUSES.indexOf(cohort as (typeof SOCIAL_WORKER_STATUSES)[number]);
  if (rank < 0) throw new RangeError(`Unknown cohort ${cohort}`);
  return `m.top = ${rank + 1}`;
}

/**
 * `cohort_counts AS (...)` over windowTotalsCtes: ("childId", cohort, possible, attended, authorised,
 * unauthorised, "noMark"), one row per child and status cohort of the window.
 */
export function cohortsOfWindowSql(attribution: Attribution): string {
  if (attribution === "ever") {
    const whole = COUNT_COLUMNS.map((c) => `coalesce(t."hi_${c}" - t."lo_${c}", 0)::int AS "${c}"`).join(", ");
    return `${MEMBERS},
cohort_counts AS (
  SELECT m."childId", v.cohort, ${whole}
  FROM members m
  CROSS JOIN LATERAL (VALUES (${COHORT_OF_RANK}), (CASE WHEN m.plac THEN 'PLAC' END), (CASE WHEN m.kin THEN 'KIN' END)) AS v(cohort)
  LEFT JOIN totals t ON t."childId" = m."childId"
  WHERE v.cohort IS NOT NULL
)`;
  }
  const part = (c: string) =>
    `sum((CASE WHEN s."endDate" <= $3::date THEN s."end${CAP(c)}" ELSE coalesce(t."hi_${c}", 0) END)
       - (CASE WHEN s."startDate" >= $2::date THEN s."before${CAP(c)}" ELSE coalesce(t."lo_${c}", 0) END))::int AS "${c}"`;
  return `cohort_counts AS (
  SELECT s."childId", s.cohort::text AS cohort, ${COUNT_COLUMNS.map(part).join(",\n    ")}
  FROM spans s LEFT JOIN totals t ON t."childId" = s."childId"
  GROUP BY s."childId", s.cohort
)`;
}

/**
 * `WITH ..., cohort_counts AS (...)`: the window $2..$3's counts per child and status cohort, to be
 * followed by a statement that reads cohort_counts.
 */
export function cohortCountsSql(attribution: Attribution, childIdsParam?: string): string {
  return `WITH ${windowTotalsCtes(childIdsParam)},\n${cohortsOfWindowSql(attribution)}`;
}

/**
 * `days AS (...), ..., child_totals AS (...)`: to follow a WITH. Per child (of the tenant, or of the
 * children in `childIdsParam`) and day k of `daysParam` (a date[]; k counts from 1), the child's running
 * totals over all its schools at the end of that day: child_totals ("childId", k, possible, attended,
 * authorised, unauthorised, "noMark"). A window's counts are the totals at its last day minus those at
 * the day before its first. Children without marks have no rows.
 */
export function childTotalsAtCtes(daysParam: string, childIdsParam?: string): string {
  const only = (alias: string) => (childIdsParam ? ` AND ${alias}."childId" = ANY(${childIdsParam}::int[])` : "");
  const value = (c: string) =>
    `CASE WHEN sp."firstDate" > dy.day THEN 0 WHEN sp."lastDate" <= dy.day THEN sp.${cum(c)} ELSE s.${cum(c)} END AS "${c}"`;
  return `days AS MATERIALIZED (
  SELECT v.k::int AS k, v.day, (SELECT max(x.date) FROM "AttendanceDay" x WHERE x."tenantId" = $1 AND x.date <= v.day) AS slice_day
  FROM unnest(${daysParam}::date[]) WITH ORDINALITY AS v(day, k)
),
day_slices AS MATERIALIZED (
  SELECT dy.k, d."childId", d."schoolId", ${COUNT_COLUMNS.map((c) => `d.${cum(c)}`).join(", ")}
  FROM days dy JOIN "AttendanceDay" d ON d."tenantId" = $1 AND d.date = dy.slice_day${only("d")}
),
school_days AS MATERIALIZED (
  SELECT dy.k, dy.day, sp."childId", sp."schoolId",
    (sp."firstDate" <= dy.day AND sp."lastDate" > dy.day AND s."childId" IS NULL) AS probe,
    ${COUNT_COLUMNS.map(value).join(", ")}
  FROM "ChildSchoolSpan" sp CROSS JOIN days dy
  LEFT JOIN day_slices s ON s.k = dy.k AND s."childId" = sp."childId" AND s."schoolId" = sp."schoolId"
  WHERE sp."tenantId" = $1${only("sp")}
),
child_totals AS MATERIALIZED (
  SELECT "childId", k, ${COUNT_COLUMNS.map((c) => `sum("${c}")::int AS "${c}"`).join(", ")}
  FROM (
    SELECT "childId", k, ${COUNT_COLUMNS.map((c) => `"${c}"`).join(", ")} FROM school_days WHERE NOT probe
    UNION ALL
    SELECT p."childId", p.k, ${COUNT_COLUMNS.map((c) => `t.${cum(c)}`).join(", ")}
    FROM school_days p CROSS JOIN LATERAL (
      SELECT ${COUNT_COLUMNS.map((c) => `d.${cum(c)}`).join(", ")} FROM "AttendanceDay" d
      WHERE d."tenantId" = $1 AND d."childId" = p."childId" AND d."schoolId" = p."schoolId" AND d.date <= p.day
      ORDER BY d.date DESC LIMIT 1) t
    WHERE p.probe
  ) x
  GROUP BY "childId", k
)`;
}

/**
 * Runs `fn` with merge joins off: childTotalsAtCtes joins every school of every child with every day,
 * and the planner, misled by that cross product's sort order, would otherwise merge-join the slices on
 * child and school only and filter the day afterwards (a hundred times the rows). Inside withTenantRaw.
 */
export async function withHashJoins<T>(tx: SqlRunner, fn: () => Promise<T>): Promise<T> {
  await tx.exec("SET LOCAL enable_mergejoin = off");
  try {
    return await fn();
  } finally {
    await tx.exec("RESET enable_mergejoin");
  }
}
