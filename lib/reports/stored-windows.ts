// Stored windows: the per-child counts of the dashboard's standard windows (this term and the year to
// date, as of the latest register mark, under both attributions), and the year's weekly trend
// (weekly-trend.ts), computed once at the end of each import in the import's transaction, so that the
// pages every member opens read one index range instead of working the window out from the day totals.
//
// Exactness: the stored rows are made by the same SQL as a live window (cohortCountsSql), and any change
// of marks or statuses removes every stored window of the tenant in that change's own transaction
// (refreshCohortSpans calls clearStoredWindows), so a stored window is always the live figure. A window
// that is not stored is computed live (child-counts.ts).
import { academicYearOf, ATTRIBUTIONS, resolveWindow, toIso, type Attribution, type IsoDate, type WindowKind } from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";
import { selectAsOf, selectHalfTerms } from "@/lib/tenants/calendar";
import { cohortCountsSql, COUNT_COLUMNS } from "./window-totals-sql";
import type { DateWindow } from "./window";
import { clearStoredTrends, storeTrend } from "./weekly-trend";

/** The windows stored at each import: the dashboard's default and the year so far. */
export const STORED_WINDOW_KINDS: readonly WindowKind[] = ["term", "year-to-date"];

/** The condition naming one stored window: $1 tenant, $2 first day, $3 last day, $4 attribution. */
const key = (alias = "") =>
  `${alias}"tenantId" = $1 AND ${alias}"fromDate" = $2::date AND ${alias}"toDate" = $3::date AND ${alias}attribution = $4`;

/** Whether the window named by `params` ($1..$4 of key()) is stored. */
async function isStored(tx: SqlRunner, params: readonly unknown[]): Promise<boolean> {
  return (await tx.query(`SELECT 1 FROM "StoredWindow" WHERE ${key()}`, [...params])).rows.length > 0;
}

/** Removes every stored window and trend of the tenant: run by every change of its marks or statuses. */
export async function clearStoredWindows(tx: SqlRunner, tenantId: number): Promise<void> {
  await tx.query(`DELETE FROM "StoredWindowCount" WHERE "tenantId" = $1`, [tenantId]);
  await tx.query(`DELETE FROM "StoredWindow" WHERE "tenantId" = $1`, [tenantId]);
  await clearStoredTrends(tx, tenantId);
}

/**
 * Computes and stores the given windows under both attributions. A window already stored is left as it
 * is: it is current, since every change of the data removes it.
 */
export async function storeWindows(tx: SqlRunner, tenantId: number, windows: readonly DateWindow[]): Promise<void> {
  const seen = new Set<string>();
  for (const w of windows) {
    if (w.from > w.to || seen.has(`${w.from} ${w.to}`)) continue;
    seen.add(`${w.from} ${w.to}`);
    for (const attribution of ATTRIBUTIONS) {
      const params = [tenantId, w.from, w.to, attribution];
      if (await isStored(tx, params)) continue;
      await tx.query(
        `${cohortCountsSql(attribution)}
         INSERT INTO "StoredWindowCount" ("tenantId", "fromDate", "toDate", attribution, "childId", cohort, ${COUNT_COLUMNS.map((c) => `"${c}"`).join(", ")})
         SELECT $1, $2::date, $3::date, $4, cc."childId", cc.cohort::"Status", ${COUNT_COLUMNS.map((c) => `cc."${c}"`).join(", ")} FROM cohort_counts cc`,
        params,
      );
      await tx.query(`INSERT INTO "StoredWindow" ("tenantId", "fromDate", "toDate", attribution) VALUES ($1, $2::date, $3::date, $4)`, params);
    }
  }
}

/** Stores the standard windows as of the tenant's latest register mark (STORED_WINDOW_KINDS), and the year's trend. */
export async function storeStandardWindows(tx: SqlRunner, tenantId: number, today: IsoDate = toIso(new Date())): Promise<void> {
  const { asOf, latestMark } = await selectAsOf(tx, tenantId, today);
  if (latestMark === null) return;
  const halfTerms = await selectHalfTerms(tx, tenantId);
  await storeWindows(tx, tenantId, STORED_WINDOW_KINDS.map((kind) => resolveWindow(kind, asOf, halfTerms)));
  await storeTrend(tx, tenantId, `${academicYearOf(asOf)}-09-01`, asOf);
}

/**
 * `WITH cohort_counts AS (...)` over the stored rows of a window, with its parameters ($1..$4 as key(),
 * then the child filter), or null when the window is not stored.
 */
export async function storedCountsSource(
  tx: SqlRunner,
  tenantId: number,
  window: DateWindow,
  attribution: Attribution,
  childIds?: readonly number[],
): Promise<{ sql: string; params: unknown[] } | null> {
  const params: unknown[] = [tenantId, window.from, window.to, attribution];
  if (!(await isStored(tx, params))) return null;
  if (childIds) params.push([...childIds]);
  const sql = `WITH cohort_counts AS (
  SELECT s."childId", s.cohort::text AS cohort, ${COUNT_COLUMNS.map((k) => `s."${k}"`).join(", ")}
  FROM "StoredWindowCount" s
  WHERE ${key("s.")}${childIds ? ` AND s."childId" = ANY($5::int[])` : ""}
)`;
  return { sql, params };
}
