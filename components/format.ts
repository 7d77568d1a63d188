import type { Counts, Measures } from "@/lib/attendance";
import { attendanceRate, percentValue } from "@/lib/attendance";

// How figures read on screen. Rates are rounded only here, for display; every comparison is made on
// the integer session counts underneath.

/** A rate as a percentage to one decimal, rounded as the gap report and every export round it. */
export function percent(rate: number | null | undefined): string {
  const v = percentValue(rate ?? null);
  return v === null ? "–" : `${v.toFixed(1)}%`;
}

export function rateOf(c: Counts): string {
  return c.possible > 0 ? percent(attendanceRate(c)) : "No attendance data";
}

export function whole(n: number): string {
  return n.toLocaleString("en-GB");
}

/** A share of children, e.g. PA rate: "12 (8.0%)". */
export function countAndShare(n: number, of: number): string {
  return of > 0 ? `${whole(n)} (${percent(n / of)})` : whole(n);
}

/** A breakdown row's cells as shown: children, attendance, persistently absent, severely absent. */
export type MeasureCells = [children: string, attendance: string, persistent: string, severe: string];

export function measureCells(m: Pick<Measures, "children" | "attendanceRate" | "persistent" | "severe">): MeasureCells {
  return [whole(m.children), percent(m.attendanceRate), countAndShare(m.persistent, m.children), countAndShare(m.severe, m.children)];
}
