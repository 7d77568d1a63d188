import { addDays, COHORTS, dayOfWeek, PERSISTENT_TIMES, type CohortKey, type IsoDate } from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";
import { childTotalsAtCtes, everMemberSql, MEMBERS, spansCte, withHashJoins } from "./window-totals-sql";

// The year's trend, week by week: the cohort's attendance in that week, and the share of its children
// persistently absent on their sessions from the start of the year to the end of that week. The
// children's running totals are read at each week's end (window-totals-sql.ts), and the weeks are summed
// in SQL: a week's sessions are the totals at its end minus those at the previous end (window functions
// over each child's rows, one sort: a self-join of the totals made PGlite's planner, which cannot see a
// CTE's size, pick nested loops and take minutes).
//
// That is a row per child and week: seconds for a tenant of 10,000 children. So the trend of the year
// as of the latest register mark is stored for every cohort at the end of each import, beside the stored
// windows (stored-windows.ts, which also removes it on any change of the data), and read from there
// when the dashboard asks for it without a school or year group filter.

export type TrendPoint = { weekStart: IsoDate; attendance: number | null; persistentShare: number | null; children: number };

type WeekRow = { cohort: CohortKey; k: number; possible: number; attended: number; marked: number; children: number; persistent: number };

// Persistently absent on the sessions since the start of the year: lib/attendance isPersistent, on the
// integer counts, with its own ratio (absence x PERSISTENT_TIMES >= possible, one possible session or more).
const PERSISTENT = `y_absent * ${PERSISTENT_TIMES} >= y_possible AND y_possible > 0`;

/** The Mondays of the weeks from the one holding yearFrom to the one holding asOf. */
function mondaysOf(yearFrom: IsoDate, asOf: IsoDate): IsoDate[] {
  const mondays: IsoDate[] = [];
  for (let m = addDays(yearFrom, -((dayOfWeek(yearFrom) + 6) % 7)); m <= asOf; m = addDays(m, 7)) mondays.push(m);
  return mondays;
}

/** Each cohort's week rows (k = 2 for the first week), for `cohorts`; all children or those in childIds. */
async function weekRows(tx: SqlRunner, tenantId: number, yearFrom: IsoDate, asOf: IsoDate, cohorts: readonly CohortKey[], childIds?: number[]): Promise<WeekRow[]> {
  const mondays = mondaysOf(yearFrom, asOf);
  if (mondays.length === 0) return [];
  // Day 1 is the day before the year; day k + 1 the end of week k (a week cut by asOf ends there).
  const days = [addDays(yearFrom, -1), ...mondays.map((m) => (addDays(m, 6) < asOf ? addDays(m, 6) : asOf))];
  const params: unknown[] = [tenantId, yearFrom, asOf, days];
  if (childIds) params.push(childIds);
  const filter = childIds ? "$5" : undefined;
  // A child's cohorts under "ever" over the year so far: one row per child and cohort it is counted in.
  const memberships = cohorts.map((c) => `('${c}', ${everMemberSql(c)})`).join(", ");
  const { rows } = await withHashJoins(tx, () => tx.query<WeekRow>(
    `WITH ${spansCte(filter)}, ${MEMBERS}, ${childTotalsAtCtes("$4", filter)},
     memberships AS MATERIALIZED (
       SELECT m."childId", v.cohort FROM members m CROSS JOIN LATERAL (VALUES ${memberships}) AS v(cohort, member) WHERE v.member
     ),
     ct AS MATERIALIZED (SELECT t.* FROM child_totals t WHERE t."childId" IN (SELECT "childId" FROM memberships)),
     steps AS MATERIALIZED (
       SELECT * FROM (
         SELECT "childId", k, lag(k) OVER c AS prev_k, first_value(k) OVER c AS base_k,
                possible - lag(possible) OVER c AS possible, attended - lag(attended) OVER c AS attended,
                possible + "noMark" - lag(possible + "noMark") OVER c AS marked,
                possible - first_value(possible) OVER c AS y_possible,
                authorised + unauthorised - first_value(authorised + unauthorised) OVER c AS y_absent
           FROM ct WINDOW c AS (PARTITION BY "childId" ORDER BY k)
       ) x WHERE prev_k = k - 1 AND base_k = 1
     )
     SELECT ms.cohort, s.k, sum(s.possible)::int AS possible, sum(s.attended)::int AS attended, sum(s.marked)::int AS marked,
            count(*) FILTER (WHERE s.y_possible > 0)::int AS children, count(*) FILTER (WHERE ${PERSISTENT})::int AS persistent
       FROM steps s JOIN memberships ms ON ms."childId" = s."childId"
      GROUP BY ms.cohort, s.k`,
    params,
  ));
  return rows;
}

function points(rows: readonly WeekRow[], mondays: readonly IsoDate[]): TrendPoint[] {
  // A week without a session or a missing mark of the cohort (a holiday) is left out.
  return rows
    .filter((r) => r.marked > 0)
    .sort((a, b) => a.k - b.k)
    .map((r) => ({
      weekStart: mondays[r.k - 2]!,
      attendance: r.possible ? r.attended / r.possible : null,
      persistentShare: r.children ? r.persistent / r.children : null,
      children: r.children,
    }));
}

const STORED_KEY = `"tenantId" = $1 AND "yearFrom" = $2::date AND "asOf" = $3::date`;

/** Whether the trend of the year from yearFrom to asOf is stored. */
async function isStored(tx: SqlRunner, tenantId: number, yearFrom: IsoDate, asOf: IsoDate): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM "StoredTrend" WHERE ${STORED_KEY}`, [tenantId, yearFrom, asOf])).rows.length > 0;
}

export async function weeklyTrend(tx: SqlRunner, tenantId: number, yearFrom: IsoDate, asOf: IsoDate, cohort: CohortKey, childIds?: number[]): Promise<TrendPoint[]> {
  const mondays = mondaysOf(yearFrom, asOf);
  if (!childIds && (await isStored(tx, tenantId, yearFrom, asOf))) {
    const { rows } = await tx.query<WeekRow>(
      `SELECT cohort, k, possible, attended, marked, children, persistent FROM "StoredTrendWeek" WHERE ${STORED_KEY} AND cohort = $4`,
      [tenantId, yearFrom, asOf, cohort],
    );
    return points(rows, mondays);
  }
  return points(await weekRows(tx, tenantId, yearFrom, asOf, [cohort], childIds), mondays);
}

/** Computes and stores the trend of every cohort for the year from yearFrom to asOf (kept if stored). */
export async function storeTrend(tx: SqlRunner, tenantId: number, yearFrom: IsoDate, asOf: IsoDate): Promise<void> {
  if (await isStored(tx, tenantId, yearFrom, asOf)) return;
  const key = [tenantId, yearFrom, asOf];
  const rows = await weekRows(tx, tenantId, yearFrom, asOf, COHORTS);
  const col = <K extends keyof WeekRow>(k: K) => rows.map((r) => r[k]);
  await tx.query(
    `INSERT INTO "StoredTrendWeek" ("tenantId", "yearFrom", "asOf", cohort, k, possible, attended, marked, children, persistent)
     SELECT $1, $2::date, $3::date, * FROM unnest($4::text[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[], $10::int[])`,
    [...key, col("cohort"), col("k"), col("possible"), col("attended"), col("marked"), col("children"), col("persistent")],
  );
  await tx.query(`INSERT INTO "StoredTrend" ("tenantId", "yearFrom", "asOf") VALUES ($1, $2::date, $3::date)`, key);
}

/** Removes the tenant's stored trends (with its stored windows, on any change of the data). */
export async function clearStoredTrends(tx: SqlRunner, tenantId: number): Promise<void> {
  await tx.query(`DELETE FROM "StoredTrendWeek" WHERE "tenantId" = $1`, [tenantId]);
  await tx.query(`DELETE FROM "StoredTrend" WHERE "tenantId" = $1`, [tenantId]);
}
