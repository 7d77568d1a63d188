import { addDays, dayOfWeek, type CohortKey, type IsoDate } from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";
import { childTotalsAtCtes, everMemberSql, MEMBERS, spansCte, withHashJoins } from "@/lib/reports/window-totals-sql";

// The year's trend, week by week: the cohort's attendance in that week, and the share of its children
// persistently absent on their sessions from the start of the year to the end of that week. The
// children's running totals are read at each week's end (lib/reports/window-totals-sql.ts), and the
// weeks are summed in SQL: a week's sessions are the totals at its end minus those at the previous end
// (window functions over each child's rows, one sort: a self-join of the totals made PGlite's planner,
// which cannot see a CTE's size, pick nested loops and take minutes).

export type TrendPoint = { weekStart: IsoDate; attendance: number | null; persistentShare: number | null; children: number };

// Persistently absent on the sessions since the start of the year: lib/attendance isPersistent, on the
// integer counts (absence x 10 >= possible, with at least one possible session).
const PERSISTENT = `y_absent * 10 >= y_possible AND y_possible > 0`;

export async function weeklyTrend(tx: SqlRunner, tenantId: number, yearFrom: IsoDate, asOf: IsoDate, cohort: CohortKey, childIds?: number[]): Promise<TrendPoint[]> {
  const mondays: IsoDate[] = [];
  for (let m = addDays(yearFrom, -((dayOfWeek(yearFrom) + 6) % 7)); m <= asOf; m = addDays(m, 7)) mondays.push(m);
  if (mondays.length === 0) return [];
  // Day 1 is the day before the year; day k + 1 the end of week k (a week cut by asOf ends there).
  const days = [addDays(yearFrom, -1), ...mondays.map((m) => (addDays(m, 6) < asOf ? addDays(m, 6) : asOf))];
  const params: unknown[] = [tenantId, yearFrom, asOf, days];
  if (childIds) params.push(childIds);
  const filter = childIds ? "$5" : undefined;
  const { rows } = await withHashJoins(tx, () => tx.query<{ k: number; possible: number; attended: number; marked: number; children: number; persistent: number }>(
    `WITH ${spansCte(filter)}, ${MEMBERS}, ${childTotalsAtCtes("$4", filter)},
     ct AS MATERIALIZED (SELECT t.* FROM child_totals t JOIN members m ON m."childId" = t."childId" AND ${everMemberSql(cohort)}),
     steps AS (
       SELECT k, lag(k) OVER c AS prev_k, first_value(k) OVER c AS base_k,
              possible - lag(possible) OVER c AS possible, attended - lag(attended) OVER c AS attended,
              possible + "noMark" - lag(possible + "noMark") OVER c AS marked,
              possible - first_value(possible) OVER c AS y_possible,
              authorised + unauthorised - first_value(authorised + unauthorised) OVER c AS y_absent
         FROM ct WINDOW c AS (PARTITION BY "childId" ORDER BY k)
     )
     SELECT k, sum(possible)::int AS possible, sum(attended)::int AS attended, sum(marked)::int AS marked,
            count(*) FILTER (WHERE y_possible > 0)::int AS children, count(*) FILTER (WHERE ${PERSISTENT})::int AS persistent
       FROM steps
      WHERE prev_k = k - 1 AND base_k = 1
      GROUP BY k`,
    params,
  ));
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
