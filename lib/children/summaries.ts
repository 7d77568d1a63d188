import {
  addDays,
  fallingFlags,
  isPersistent,
  isSevere,
  type Counts,
  type FallingFlags,
  type IsoDate,
} from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";
import { childTotalsAtCtes, COUNT_COLUMNS, withHashJoins } from "@/lib/reports/window-totals-sql";

// Each child's own attendance over the windows a supervisor watches — this term, the year to date,
// the last 4 weeks and the year to date as it stood a week ago — from all of the child's sessions, in
// one pass over the marks. From them: persistent / severe absence and the falling-attendance flags.

export type SummaryWindows = { yearFrom: IsoDate; termFrom: IsoDate; termTo: IsoDate; asOf: IsoDate };

export type ChildSummary = {
  childId: number;
  term: Counts;
  year: Counts;
  last4: Counts;
  weekAgo: Counts;
  persistent: boolean;
  severe: boolean;
  flags: FallingFlags;
};

type Window = "year" | "term" | "last4" | "weekAgo";
const ZERO: Counts = { possible: 0, attended: 0, authorised: 0, unauthorised: 0, noMark: 0 };

/** Run inside withTenantRaw. */
export async function selectChildSummaries(
  tx: SqlRunner,
  tenantId: number,
  w: SummaryWindows,
  childIds: number[],
): Promise<Map<number, ChildSummary>> {
  if (childIds.length === 0) return new Map();
  const windows: [Window, IsoDate, IsoDate][] = [
    ["year", w.yearFrom, w.asOf],
    ["term", w.termFrom, w.termTo < w.asOf ? w.termTo : w.asOf],
    ["last4", addDays(w.asOf, -27), w.asOf],
    ["weekAgo", w.yearFrom, addDays(w.asOf, -7)],
  ];
  // Each window is the running totals at its last day minus those at the day before its first: the
  // children's totals are read at those (up to 8, usually 6) days only.
  const days = [...new Set(windows.flatMap(([, from, to]) => [addDays(from, -1), to]))];
  const at = (day: IsoDate) => days.indexOf(day) + 1;
  const diff = (name: Window, from: IsoDate, to: IsoDate) =>
    COUNT_COLUMNS.map(
      (c) => `coalesce(max("${c}") FILTER (WHERE k = ${at(to)}), 0) - coalesce(max("${c}") FILTER (WHERE k = ${at(addDays(from, -1))}), 0) AS "${name}_${c}"`,
    ).join(", ");
  // Few children: their rows of each day's slice through the index; many: whole slices.
  const few = childIds.length <= 2000;
  const { rows } = await withHashJoins(tx, () => tx.query<Record<string, number>>(
    `WITH ${childTotalsAtCtes("$2", few ? "$3" : undefined)}
     SELECT "childId", ${windows.map(([name, from, to]) => diff(name, from, to)).join(",\n       ")}
     FROM child_totals GROUP BY "childId"`,
    few ? [tenantId, days, childIds] : [tenantId, days],
  ));
  const by = new Map<number, Partial<Record<Window, Counts>>>();
  for (const r of rows) {
    const entry: Partial<Record<Window, Counts>> = {};
    for (const [name, from, to] of windows) {
      // An empty window (a term that has not started, a week ago before the year began) counts nothing.
      if (from > to) continue;
      entry[name] = Object.fromEntries(COUNT_COLUMNS.map((c) => [c, r[`${name}_${c}`]!])) as Counts;
    }
    by.set(r.childId!, entry);
  }
  const out = new Map<number, ChildSummary>();
  for (const childId of childIds) {
    const e = by.get(childId) ?? {};
    const year = e.year ?? ZERO;
    const weekAgo = e.weekAgo ?? ZERO;
    out.set(childId, {
      childId,
      term: e.term ?? ZERO,
      year,
      last4: e.last4 ?? ZERO,
      weekAgo,
      persistent: isPersistent(year),
      severe: isSevere(year),
      flags: fallingFlags({ yearToDate: year, last4Weeks: e.last4 ?? ZERO, previousWeek: weekAgo, current: year }),
    });
  }
  return out;
}
