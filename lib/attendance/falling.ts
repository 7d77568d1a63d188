// Early warning for practice supervisors: a child whose recent attendance drops well below their own
// year so far, or who has just crossed into persistent or severe absence, may be showing wider problems.
import { attendanceRate, isPersistent, isSevere, type Counts } from "./measures";
import { formatPercent } from "./rounding";

export type FallingInput = {
  /** Academic year to date, up to today. */
  yearToDate: Counts;
  /** The 28 days ending today. */
  last4Weeks: Counts;
  /** The counts PA / SA were judged on, as they stood a week ago (same window start, ending 7 days earlier). */
  previousWeek?: Counts;
  /** The counts PA / SA are judged on now (normally the year to date). */
  current: Counts;
};

export type FallingFlags = {
  falling: boolean;
  newlyPersistent: boolean;
  newlySevere: boolean;
  /** Plain-English reasons, one per flag raised. */
  reasons: string[];
};

/**
 * Last-4-weeks rate at least 5 percentage points below the year-to-date rate, decided exactly:
 * a4/p4 <= ay/py - 1/20  <=>  20·a4·py <= 20·ay·p4 - p4·py  (multiplying by 20·p4·py > 0).
 * With session counts below 2^24 (a child has ~400 a year) the products stay exact in doubles.
 */
export function isFalling(yearToDate: Counts, last4Weeks: Counts): boolean {
  const { attended: ay, possible: py } = yearToDate;
  const { attended: a4, possible: p4 } = last4Weeks;
  if (py <= 0 || p4 <= 0) return false;
  return 20 * a4 * py <= 20 * ay * p4 - p4 * py;
}

/**
 * The falling-attendance flags of one child. Without `previousWeek` nothing can be "newly" anything,
 * so newlyPersistent / newlySevere stay false; a child with no possible session a week ago who is PA
 * now did become PA (pass their empty counts, not undefined).
 */
export function fallingFlags(input: FallingInput): FallingFlags {
  const { yearToDate, last4Weeks, previousWeek, current } = input;
  const falling = isFalling(yearToDate, last4Weeks);
  const newlyPersistent = previousWeek !== undefined && isPersistent(current) && !isPersistent(previousWeek);
  const newlySevere = previousWeek !== undefined && isSevere(current) && !isSevere(previousWeek);
  const reasons: string[] = [];
  if (falling) {
    reasons.push(
      `Attendance over the last 4 weeks (${formatPercent(attendanceRate(last4Weeks))}) is 5 or more percentage points ` +
        `below the year to date (${formatPercent(attendanceRate(yearToDate))})`,
    );
  }
  if (newlyPersistent) reasons.push("Became persistently absent (10% or more of sessions missed) in the last week");
  if (newlySevere) reasons.push("Became severely absent (50% or more of sessions missed) in the last week");
  return { falling, newlyPersistent, newlySevere, reasons };
}
