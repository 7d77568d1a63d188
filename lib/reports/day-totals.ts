// ChildDayTotal and ChildSchoolSpan: per child, school and day, the session counts and their running
// totals, derived from AttendanceMark. Every write of marks (an import, the demo seed) refreshes the
// children it touched, in the same transaction, so the totals are always exact; readers then get any
// window's counts from two index look-ups per child and school instead of scanning every mark.
import type { SqlRunner } from "@/lib/db/raw";
import { countColumnsSql } from "./code-sql";
import { refreshCohortSpans } from "./cohort-spans";

const COLUMNS = ["possible", "attended", "authorised", "unauthorised", "noMark"] as const;
const cum = (c: string) => `"cum${c[0]!.toUpperCase()}${c.slice(1)}"`;

/**
 * Rebuilds the day totals and school spans of the given children (all of the tenant's when omitted)
 * from their marks, and their status timelines (cohort-spans.ts), which carry running totals. Run inside
 * the transaction that wrote the marks (withTenantRaw).
 */
export async function refreshDayTotals(tx: SqlRunner, tenantId: number, childIds?: readonly number[]): Promise<void> {
  if (childIds && childIds.length === 0) return;
  const only = childIds ? ` AND "childId" = ANY($2::int[])` : "";
  const params: unknown[] = childIds ? [tenantId, [...childIds]] : [tenantId];
  await tx.query(`DELETE FROM "ChildDayTotal" WHERE "tenantId" = $1${only}`, params);
  await tx.query(
    `INSERT INTO "ChildDayTotal" ("tenantId", "childId", "schoolId", date, ${COLUMNS.map((c) => `"${c}"`).join(", ")}, ${COLUMNS.map(cum).join(", ")})
     SELECT $1, "childId", "schoolId", date, ${COLUMNS.map((c) => `"${c}"`).join(", ")},
            ${COLUMNS.map((c) => `sum("${c}") OVER w`).join(", ")}
       FROM (SELECT m."childId", m."schoolId", m.date, ${countColumnsSql("m.code")}
               FROM "AttendanceMark" m WHERE m."tenantId" = $1${only.replace('"childId"', 'm."childId"')}
              GROUP BY m."childId", m."schoolId", m.date) d
     WINDOW w AS (PARTITION BY "childId", "schoolId" ORDER BY date)`,
    params,
  );
  await rebuildSchoolSpans(tx, tenantId, only, params);
  await refreshCohortSpans(tx, tenantId, childIds);
}

/**
 * Rebuilds the school spans of the children `only` names (a condition on "childId" over `params`, or
 * "" for all of the tenant's) from their day totals. Running totals never fall, so the totals at the
 * last day are their maxima.
 */
async function rebuildSchoolSpans(tx: SqlRunner, tenantId: number, only: string, params: unknown[]): Promise<void> {
  await tx.query(`DELETE FROM "ChildSchoolSpan" WHERE "tenantId" = $1${only}`, params);
  await tx.query(
    `INSERT INTO "ChildSchoolSpan" ("tenantId", "childId", "schoolId", "firstDate", "lastDate", ${COLUMNS.map(cum).join(", ")})
     SELECT $1, "childId", "schoolId", min(date), max(date), ${COLUMNS.map((c) => `max(${cum(c)})`).join(", ")} FROM "ChildDayTotal"
      WHERE "tenantId" = $1${only} GROUP BY "childId", "schoolId"`,
    params,
  );
}

/** Planner settings for a statement that should read tables in index order (SET LOCAL: this transaction). */
export const ORDERED_PLAN = "SET LOCAL enable_hashagg = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off";
export const DEFAULT_PLAN = "RESET enable_hashagg; RESET enable_bitmapscan; RESET enable_seqscan";

/**
 * Brings the day totals, school spans and status timelines of the children of the table `changed`
 * (columns "childId", "firstDate": the first day whose marks changed) up to date, after a change of
 * their marks: only the days from firstDate on are computed again, carrying on from the running totals
 * of the day before. Equal to refreshDayTotals of those children (tests/integration/day-totals-*).
 * Run inside the transaction that wrote the marks (withTenantRaw).
 */
export async function refreshDayTotalsFrom(tx: SqlRunner, tenantId: number, changed: string): Promise<void> {
  const { rows } = await tx.query<{ ids: number[] }>(`SELECT coalesce(array_agg("childId" ORDER BY "childId"), '{}') AS ids FROM ${changed}`);
  const childIds = rows[0]!.ids;
  if (childIds.length === 0) return;
  await tx.query(
    `DELETE FROM "ChildDayTotal" t USING ${changed} c WHERE t."tenantId" = $1 AND t."childId" = c."childId" AND t.date >= c."firstDate"`,
    [tenantId],
  );
  // The running totals kept (days before firstDate) end at each school's last day kept. The marks are
  // read in the primary key's order (child, school, date), which is the order of the day totals and of
  // their running sums: no hashing or sorting of millions of marks (the planner, without statistics
  // of tables just filled, would otherwise hash, spill to disk and sort twice: 3-4 times slower).
  await tx.exec(ORDERED_PLAN);
  await tx.query(
    `WITH d AS (
       SELECT m."childId", m."schoolId", m.date, ${countColumnsSql("m.code")}
         FROM "AttendanceMark" m JOIN ${changed} c ON m."childId" = c."childId" AND m.date >= c."firstDate"
        WHERE m."tenantId" = $1
        GROUP BY m."childId", m."schoolId", m.date
     ), base AS (
       SELECT DISTINCT ON (t."childId", t."schoolId") t."childId", t."schoolId", ${COLUMNS.map((c) => `t.${cum(c)}`).join(", ")}
         FROM "ChildDayTotal" t JOIN ${changed} c ON t."childId" = c."childId"
        WHERE t."tenantId" = $1
        ORDER BY t."childId", t."schoolId", t.date DESC
     )
     INSERT INTO "ChildDayTotal" ("tenantId", "childId", "schoolId", date, ${COLUMNS.map((c) => `"${c}"`).join(", ")}, ${COLUMNS.map(cum).join(", ")})
     SELECT $1, d."childId", d."schoolId", d.date, ${COLUMNS.map((c) => `d."${c}"`).join(", ")},
            ${COLUMNS.map((c) => `coalesce(b.${cum(c)}, 0) + sum(d."${c}") OVER w`).join(", ")}
       FROM d LEFT JOIN base b ON b."childId" = d."childId" AND b."schoolId" = d."schoolId"
     WINDOW w AS (PARTITION BY d."childId", d."schoolId" ORDER BY d.date)`,
    [tenantId],
  );
  await tx.exec(DEFAULT_PLAN);
  await rebuildSchoolSpans(tx, tenantId, ` AND "childId" = ANY($2::int[])`, [tenantId, childIds]);
  await refreshCohortSpans(tx, tenantId, childIds);
}

/**
 * SQL for the counts of one child's sessions at one school in the days [fromExpr, toExpr] (both SQL date
 * expressions), as columns named like Counts, given the child and school column expressions:
 * the running total at the last day on or before `to`, minus the one before `from`.
 */
export function windowCountsSql(child: string, school: string, fromExpr: string, toExpr: string): string {
  const at = (bound: string, op: "<=" | "<", alias: string) => `LEFT JOIN LATERAL (
      SELECT ${COLUMNS.map((c) => `t.${cum(c)} AS "${c}"`).join(", ")} FROM "ChildDayTotal" t
       WHERE t."tenantId" = $1 AND t."childId" = ${child} AND t."schoolId" = ${school} AND t.date ${op} ${bound}
       ORDER BY t.date DESC LIMIT 1) ${alias} ON TRUE`;
  return `${at(toExpr, "<=", "hi")}\n    ${at(fromExpr, "<", "lo")}`;
}

/** Column expressions (hi minus lo) for the joins of windowCountsSql, to be summed. */
export const WINDOW_DIFFS = COLUMNS.map((c) => ({ column: c, expr: `coalesce(hi."${c}", 0) - coalesce(lo."${c}", 0)` }));

/** The summed window counts as int columns named like Counts: the select list over windowCountsSql joins. */
export const WINDOW_SUMS = WINDOW_DIFFS.map((d) => `coalesce(sum(${d.expr}), 0)::int AS "${d.column}"`).join(",\n  ");
