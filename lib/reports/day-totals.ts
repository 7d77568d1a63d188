// AttendanceDay and ChildSchoolSpan: per child, school and day, the AM and PM marks and the running
// session totals since the child's first day at that school. Every writer of marks goes through
// mergeMarks, in its own transaction, which keeps the running totals exact as it writes (but for the
// import of a file in key order, which counts a tenant's first totals as it reads and writes them in
// parts with insertDaysWithTotals, then finishFirstMarks); readers then
// get any window's counts from two index look-ups per child and school instead of counting marks.
import type { SqlRunner } from "@/lib/db/raw";
import { dayCountsSql } from "./code-sql";
import { refreshCohortSpans } from "./cohort-spans";

const COLUMNS = ["possible", "attended", "authorised", "unauthorised", "noMark"] as const;
const cum = (c: string) => `"cum${c[0]!.toUpperCase()}${c.slice(1)}"`;
const CUMS = COLUMNS.map(cum).join(", ");
const INSERT_DAYS = `INSERT INTO "AttendanceDay" ("tenantId", "childId", "schoolId", date, am, pm, ${CUMS})`;

/** A day's session counts from its two marks (columns am, pm of `alias`), in COLUMNS' order. */
const dayCounts = (alias: string) => dayCountsSql(`${alias}.am`, `${alias}.pm`);

/**
 * The running totals of the days of `alias` in the order of (childId, schoolId, date), each carried on
 * from the totals in `base` (null: from 0), as the select list after the day's own columns.
 */
function runningTotals(alias: string, base: string | null): string {
  return dayCounts(alias)
    .map((expr, i) => `${base ? `coalesce(${base}.${cum(COLUMNS[i]!)}, 0) + ` : ""}sum(${expr}) OVER w`)
    .join(", ");
}
const WINDOW = (alias: string, school = `"schoolId"`) => `WINDOW w AS (PARTITION BY ${alias}."childId", ${alias}.${school} ORDER BY ${alias}.date)`;

/** Planner settings for a statement that should read tables in index order (SET LOCAL: this transaction). */
const ORDERED_PLAN = "SET LOCAL enable_hashagg = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off";
const DEFAULT_PLAN = "RESET enable_hashagg; RESET enable_bitmapscan; RESET enable_seqscan";

export type MergeOptions = {
  /** A mark already recorded for the same child, school, day and session is kept (default: replaced). */
  keepExisting?: boolean;
  /**
   * A column of the source that tells its schools apart in the order the source gives them (default
   * "schoolId"): a tenant's first marks, read in that order, then need no sort for their running totals.
   */
  schoolOrder?: string;
};

/** Marks counted by mergeMarks: new sessions, and recorded sessions whose code changed. */
export type MergeCounts = { inserted: number; updated: number };

/**
 * Writes marks into AttendanceDay and keeps everything derived from them exact: running totals, school
 * spans, status timelines (and so the stored windows). `days` is a SELECT of one row per child, school
 * and day, columns "childId", "schoolId", date, am, pm (a session the source does not give is null,
 * and leaves any recorded mark of that session as it is), over `params` of which $1 is the tenant,
 * best given in key order by an index (it is read with ORDERED_PLAN).
 * Run inside the transaction of the write (withTenantRaw). Returns the sessions inserted and updated.
 *
 * A tenant's first marks are inserted with their running totals in one pass, in key order. Otherwise
 * the days are compared with those recorded, and for each child whose marks changed, its days from the
 * first day changed on are written again, carrying on from the running totals of the day before.
 */
export async function mergeMarks(tx: SqlRunner, tenantId: number, days: string, params: readonly unknown[], opts: MergeOptions = {}): Promise<MergeCounts> {
  const first = (await tx.query(`SELECT 1 FROM "AttendanceDay" WHERE "tenantId" = $1 LIMIT 1`, [tenantId])).rows.length === 0;
  return first ? insertFirstMarks(tx, tenantId, days, params, opts) : mergeChangedMarks(tx, tenantId, days, params, opts);
}

async function insertFirstMarks(tx: SqlRunner, tenantId: number, days: string, params: readonly unknown[], opts: MergeOptions): Promise<MergeCounts> {
  // The days in key order (the source's grouping already gives it: no hashing or sorting of millions of
  // rows; the planner, without statistics of tables just filled, would otherwise hash and sort).
  await tx.exec(ORDERED_PLAN);
  const { rows } = await tx.query<{ inserted: number }>(
    `WITH days AS (
       ${INSERT_DAYS}
       SELECT $1, s."childId", s."schoolId", s.date, s.am, s.pm, ${runningTotals("s", null)}
         FROM (${days}) s
       ${WINDOW("s", opts.schoolOrder)}
       RETURNING (am IS NOT NULL)::int + (pm IS NOT NULL)::int AS marks
     )
     SELECT coalesce(sum(marks), 0)::int AS inserted FROM days`,
    [...params],
  );
  await tx.exec(DEFAULT_PLAN);
  await finishFirstMarks(tx, tenantId);
  return { inserted: rows[0]!.inserted, updated: 0 };
}

/**
 * After a tenant's first marks are in (mergeMarks, or insertDaysWithTotals in parts): every child's
 * school spans and status timeline (those without marks too) carry totals from them.
 */
export async function finishFirstMarks(tx: SqlRunner, tenantId: number): Promise<void> {
  await rebuildSchoolSpans(tx, tenantId);
  await refreshCohortSpans(tx, tenantId);
}

/**
 * A part of a tenant's first marks, for a writer that writes them in parts as it reads them and has
 * counted their running totals itself (the import of a file in key order): the days of `days` (as for
 * mergeMarks, with the cum columns of AttendanceDay too) are inserted as given. The tenant must have
 * had no days before the first part (the caller holds the tenant's import lock), every day of a child
 * and school must carry its totals counted from the child's first day there, and finishFirstMarks
 * follows the last part. Returns the days inserted.
 */
export async function insertDaysWithTotals(tx: SqlRunner, days: string, params: readonly unknown[]): Promise<number> {
  const { affectedRows } = await tx.query(
    `${INSERT_DAYS} SELECT $1, s."childId", s."schoolId", s.date, s.am, s.pm, ${COLUMNS.map((c) => `s.${cum(c)}`).join(", ")} FROM (${days}) s`,
    [...params],
  );
  return affectedRows;
}

async function mergeChangedMarks(tx: SqlRunner, tenantId: number, days: string, params: readonly unknown[], opts: MergeOptions): Promise<MergeCounts> {
  const keep = opts.keepExisting === true;
  // Each day of the source beside the day recorded, and the marks the day will hold.
  const [newAm, newPm] = keep ? ["coalesce(d.am, s.am)", "coalesce(d.pm, s.pm)"] : ["coalesce(s.am, d.am)", "coalesce(s.pm, d.pm)"];
  await tx.exec(`CREATE TEMP TABLE merge_day ("childId" int NOT NULL, "schoolId" int NOT NULL, date date NOT NULL,
      am text, pm text, old_am text, old_pm text, changed boolean NOT NULL) ON COMMIT DROP;
    CREATE TEMP TABLE merge_changed ("childId" int PRIMARY KEY, "firstDate" date NOT NULL) ON COMMIT DROP`);
  // The source in its own order, each day looked up by key (ORDERED_PLAN, as for a first load).
  await tx.exec(ORDERED_PLAN);
  await tx.query(
    `INSERT INTO pg_temp.merge_day
     SELECT s."childId", s."schoolId", s.date, ${newAm}, ${newPm}, d.am, d.pm, (${newAm}, ${newPm}) IS DISTINCT FROM (d.am, d.pm)
       FROM (${days}) s
       LEFT JOIN "AttendanceDay" d ON d."tenantId" = $1 AND d."childId" = s."childId" AND d."schoolId" = s."schoolId" AND d.date = s.date`,
    [...params],
  );
  await tx.exec(DEFAULT_PLAN);
  const { rows } = await tx.query<MergeCounts>(
    `SELECT coalesce(sum((old_am IS NULL AND am IS NOT NULL)::int + (old_pm IS NULL AND pm IS NOT NULL)::int), 0)::int AS inserted,
            coalesce(sum((old_am IS NOT NULL AND old_am <> am)::int + (old_pm IS NOT NULL AND old_pm <> pm)::int), 0)::int AS updated
       FROM pg_temp.merge_day WHERE changed`,
  );
  await tx.exec(`INSERT INTO pg_temp.merge_changed SELECT "childId", min(date) FROM pg_temp.merge_day WHERE changed GROUP BY "childId"`);
  await rewriteFrom(tx, tenantId, "pg_temp.merge_changed", "pg_temp.merge_day");
  await tx.exec("DROP TABLE pg_temp.merge_day; DROP TABLE pg_temp.merge_changed");
  return rows[0]!;
}

/**
 * Writes again the days of the children of `changed` ("childId", "firstDate") from firstDate on, with
 * the marks of `replacing` ("childId", "schoolId", date, am, pm, changed: the rows to write; none when
 * null), and their running totals carried on from the day before; then their school spans and status
 * timelines. The rows of `replacing` for a child all fall on or after its firstDate.
 */
async function rewriteFrom(tx: SqlRunner, tenantId: number, changed: string, replacing: string | null): Promise<void> {
  const { rows } = await tx.query<{ ids: number[] }>(`SELECT coalesce(array_agg("childId" ORDER BY "childId"), '{}') AS ids FROM ${changed}`);
  const childIds = rows[0]!.ids;
  if (childIds.length === 0) return;
  // The days from firstDate on as they will be, kept aside before the recorded ones are deleted.
  await tx.query(
    `CREATE TEMP TABLE day_tail ON COMMIT DROP AS
     SELECT t."childId", t."schoolId", t.date, t.am, t.pm
       FROM "AttendanceDay" t JOIN ${changed} c ON t."childId" = c."childId" AND t.date >= c."firstDate"
      WHERE t."tenantId" = $1${
        replacing
          ? ` AND NOT EXISTS (SELECT 1 FROM ${replacing} r WHERE r.changed AND r."childId" = t."childId" AND r."schoolId" = t."schoolId" AND r.date = t.date)
     UNION ALL
     SELECT "childId", "schoolId", date, am, pm FROM ${replacing} WHERE changed`
          : ""
      }`,
    [tenantId],
  );
  // The running totals kept (days before firstDate) end at each school's last day kept.
  await tx.query(
    `CREATE TEMP TABLE day_base ON COMMIT DROP AS
     SELECT DISTINCT ON (t."childId", t."schoolId") t."childId", t."schoolId", ${COLUMNS.map((c) => `t.${cum(c)}`).join(", ")}
       FROM "AttendanceDay" t JOIN ${changed} c ON t."childId" = c."childId" AND t.date < c."firstDate"
      WHERE t."tenantId" = $1
      ORDER BY t."childId", t."schoolId", t.date DESC`,
    [tenantId],
  );
  await tx.query(
    `DELETE FROM "AttendanceDay" t USING ${changed} c WHERE t."tenantId" = $1 AND t."childId" = c."childId" AND t.date >= c."firstDate"`,
    [tenantId],
  );
  await tx.query(
    `${INSERT_DAYS}
     SELECT $1, d."childId", d."schoolId", d.date, d.am, d.pm, ${runningTotals("d", "b")}
       FROM pg_temp.day_tail d LEFT JOIN pg_temp.day_base b ON b."childId" = d."childId" AND b."schoolId" = d."schoolId"
      WHERE d.am IS NOT NULL OR d.pm IS NOT NULL
     ${WINDOW("d")}`,
    [tenantId],
  );
  await tx.exec("DROP TABLE pg_temp.day_tail; DROP TABLE pg_temp.day_base");
  await rebuildSchoolSpans(tx, tenantId, childIds);
  await refreshCohortSpans(tx, tenantId, childIds);
}

/**
 * Computes again the running totals, school spans and status timelines of the given children (all of
 * the tenant's when omitted) from their marks alone. Every writer keeps them exact already
 * (mergeMarks): this computes every day of theirs again from the first, with no totals carried over;
 * the tests hold mergeMarks' carried-over totals to it, and it serves as a repair.
 */
export async function refreshDayTotals(tx: SqlRunner, tenantId: number, childIds?: readonly number[]): Promise<void> {
  if (childIds && childIds.length === 0) return;
  const only = childIds ? ` AND "childId" = ANY($2::int[])` : "";
  await tx.query(
    `CREATE TEMP TABLE day_all ON COMMIT DROP AS SELECT DISTINCT "childId", '-infinity'::date AS "firstDate" FROM "AttendanceDay" WHERE "tenantId" = $1${only}`,
    childIds ? [tenantId, [...childIds]] : [tenantId],
  );
  await rewriteFrom(tx, tenantId, "pg_temp.day_all", null);
  await tx.exec("DROP TABLE pg_temp.day_all");
}

/**
 * Rebuilds the school spans of the given children (all of the tenant's when omitted) from their days.
 * Running totals never fall, so the totals at the last day are their maxima.
 */
export async function rebuildSchoolSpans(tx: SqlRunner, tenantId: number, childIds?: readonly number[]): Promise<void> {
  const only = childIds ? ` AND "childId" = ANY($2::int[])` : "";
  const params: unknown[] = childIds ? [tenantId, [...childIds]] : [tenantId];
  await tx.query(`DELETE FROM "ChildSchoolSpan" WHERE "tenantId" = $1${only}`, params);
  await tx.query(
    `INSERT INTO "ChildSchoolSpan" ("tenantId", "childId", "schoolId", "firstDate", "lastDate", ${CUMS})
     SELECT $1, "childId", "schoolId", min(date), max(date), ${COLUMNS.map((c) => `max(${cum(c)})`).join(", ")} FROM "AttendanceDay"
      WHERE "tenantId" = $1${only} GROUP BY "childId", "schoolId"`,
    params,
  );
}

/** The marks a writer stages for mergeStagedMarks, a session to a row (a temporary table: this transaction). */
export const STAGED_MARKS = "pg_temp.staged_mark";

/** Creates STAGED_MARKS when the transaction has none yet. */
export async function createMarkStage(tx: SqlRunner): Promise<void> {
  await tx.exec(`CREATE TEMP TABLE IF NOT EXISTS staged_mark ("childId" int NOT NULL, "schoolId" int NOT NULL, date date NOT NULL,
    session "Session" NOT NULL, code text NOT NULL) ON COMMIT DROP`);
}

export type MarkColumns = { childId: number[]; schoolId: number[]; date: string[]; session: string[]; code: string[] };

/** Appends marks to STAGED_MARKS. */
export async function stageMarks(tx: SqlRunner, marks: MarkColumns): Promise<void> {
  await createMarkStage(tx);
  await tx.query(`INSERT INTO ${STAGED_MARKS} SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::"Session"[], $5::text[])`, [
    marks.childId,
    marks.schoolId,
    marks.date,
    marks.session,
    marks.code,
  ]);
}

/** mergeMarks of the marks staged (stageMarks); the stage is emptied. */
export async function mergeStagedMarks(tx: SqlRunner, tenantId: number, opts: MergeOptions = {}): Promise<MergeCounts> {
  await createMarkStage(tx);
  const counts = await mergeMarks(
    tx,
    tenantId,
    `SELECT "childId", "schoolId", date, max(code) FILTER (WHERE session = 'AM') AS am, max(code) FILTER (WHERE session = 'PM') AS pm
       FROM ${STAGED_MARKS} GROUP BY "childId", "schoolId", date ORDER BY "childId", "schoolId", date`,
    [tenantId],
    opts,
  );
  await tx.exec(`DROP TABLE ${STAGED_MARKS}`);
  return counts;
}
