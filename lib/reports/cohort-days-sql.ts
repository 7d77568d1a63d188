// The days of a window that each child's cohorts hold, as one SQL common table expression. Every
// reader of attendance by cohort (the report, weekly series, later the dashboards) joins marks to it,
// so the two attributions of DOMAIN.md are written once, here:
//
//   spans:       per child, the days of the window covered by each status (a datemultirange per
//                status, NULL when the status is not held in the window)
//   cohort_days: per child and cohort, the days whose sessions the cohort holds
//     ever:   the highest of CIN/CP/CLA held in the window, and PLAC / KIN where held: the whole window
//     during: each status, minus the days covered by a higher social worker status; PLAC / KIN as held
//
// Parameters: $1 tenant id, $2 first day, $3 last day (ISO strings); an optional child id filter
// names its own parameter. The status order and the cohort names come from lib/attendance.
import { OTHER_STATUSES, SOCIAL_WORKER_STATUSES, type Attribution, type Status } from "@/lib/attendance";
import { sqlInList, sqlLiteral } from "./code-sql";

const WINDOW = `daterange($2::date, $3::date, '[]')`;
const EMPTY = `'{}'::datemultirange`;

function span(status: Status): string {
  if (!/^[A-Z]+$/.test(status)) throw new RangeError(`Unexpected status name: ${status}`);
  return `s_${status.toLowerCase()}`;
}

/** Social worker statuses from the highest (CLA) down. */
const HIGHEST_FIRST = [...SOCIAL_WORKER_STATUSES].reverse();

function socialWorkerDays(status: Status, attribution: Attribution): string {
  const higher = HIGHEST_FIRST.slice(0, HIGHEST_FIRST.indexOf(status as (typeof HIGHEST_FIRST)[number]));
  if (attribution === "during") {
    return [span(status), ...higher.map((h) => `coalesce(${span(h)}, ${EMPTY})`)].join(" - ");
  }
  const conditions = [`${span(status)} IS NOT NULL`, ...higher.map((h) => `${span(h)} IS NULL`)];
  return `CASE WHEN ${conditions.join(" AND ")} THEN datemultirange(${WINDOW}) END`;
}

function otherDays(status: Status, attribution: Attribution): string {
  return attribution === "during" ? span(status) : `CASE WHEN ${span(status)} IS NOT NULL THEN datemultirange(${WINDOW}) END`;
}

export type CohortDaysOptions = {
  /** A parameter placeholder (e.g. "$4") holding an int[] of Child ids to restrict to. */
  childIdsParam?: string;
};

/** `spans AS (...), cohort_days AS (...)`: to follow a WITH. cohort_days has ("childId", cohort, days). */
export function cohortDaysCte(attribution: Attribution, options: CohortDaysOptions = {}): string {
  const statuses: Status[] = [...SOCIAL_WORKER_STATUSES, ...OTHER_STATUSES];
  const spanColumns = statuses.map(
    (s) => `range_agg(daterange(e."startDate", e."endDate", '[]') * ${WINDOW}) FILTER (WHERE e.status = ${sqlLiteral(s)}) AS ${span(s)}`,
  );
  const values = [
    ...SOCIAL_WORKER_STATUSES.map((s) => `(${sqlLiteral(s)}, ${socialWorkerDays(s, attribution)})`),
    ...OTHER_STATUSES.map((s) => `(${sqlLiteral(s)}, ${otherDays(s, attribution)})`),
  ];
  const childFilter = options.childIdsParam ? `\n    AND e."childId" = ANY(${options.childIdsParam}::int[])` : "";
  return `spans AS (
  SELECT e."childId",
    ${spanColumns.join(",\n    ")}
  FROM "StatusEpisode" e
  WHERE e."tenantId" = $1
    AND e.status IN ${sqlInList(statuses)}
    AND e."startDate" <= $3::date
    AND (e."endDate" IS NULL OR e."endDate" >= $2::date)
    -- an end before the start holds no day (the import refuses such rows; this keeps daterange() from failing)
    AND (e."endDate" IS NULL OR e."endDate" >= e."startDate")${childFilter}
  GROUP BY e."childId"
),
cohort_days AS (
  SELECT s."childId", v.cohort, v.days
  FROM spans s
  CROSS JOIN LATERAL (VALUES
    ${values.join(",\n    ")}
  ) AS v(cohort, days)
  WHERE v.days IS NOT NULL AND NOT isempty(v.days)
)`;
}
