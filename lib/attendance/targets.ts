import type { Counts } from "./measures";

// Targets are percentages with two decimals (92.50). Progress compares session counts with them
// exactly: attended / possible >= t / 100  <=>  attended * 10000 >= round(t * 100) * possible.

/** The target in hundredths of a percent, as an integer (92.5 -> 9250). */
export function targetHundredths(percent: number): number {
  return Math.round(percent * 100);
}

/** Whether the attendance rate meets the target; null when there is no possible session. */
export function meetsAttendanceTarget(c: Pick<Counts, "possible" | "attended">, targetPercent: number): boolean | null {
  if (c.possible <= 0) return null;
  return c.attended * 10_000 >= targetHundredths(targetPercent) * c.possible;
}

/** Whether a share of children (e.g. persistently absent) is at or below a maximum; null with no children. */
export function withinMaximumShare(count: number, of: number, maxPercent: number): boolean | null {
  if (of <= 0) return null;
  return count * 10_000 <= targetHundredths(maxPercent) * of;
}
