// Session counts and the measures derived from them. Thresholds are decided on the integer counts
// (38 of 380 is exactly 10%), never on a floating rate, so a boundary case cannot flip on rounding.
import { classifyCode } from "./codes";

/** Session counts of a child or group. possible = attended + authorised + unauthorised. */
export type Counts = {
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  /** `-` marks: a data-quality gap, not part of possible. */
  noMark: number;
};

/** The measures of docs/data-contract.md, field for field. */
export type Measures = {
  /** Children with at least one possible session. */
  children: number;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  /** attended / possible, unrounded; null when there is no possible session. */
  attendanceRate: number | null;
  persistent: number;
  severe: number;
};

export function emptyCounts(): Counts {
  return { possible: 0, attended: 0, authorised: 0, unauthorised: 0, noMark: 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    possible: a.possible + b.possible,
    attended: a.attended + b.attended,
    authorised: a.authorised + b.authorised,
    unauthorised: a.unauthorised + b.unauthorised,
    noMark: a.noMark + b.noMark,
  };
}

/** Adds one code to `counts` in place; throws a RangeError for an invalid code. */
export function tallyCode(counts: Counts, code: string): void {
  switch (classifyCode(code)) {
    case "present":
    case "approved":
      counts.possible++;
      counts.attended++;
      return;
    case "authorised":
      counts.possible++;
      counts.authorised++;
      return;
    case "unauthorised":
      counts.possible++;
      counts.unauthorised++;
      return;
    case "not_possible":
      return;
    case "no_mark":
      counts.noMark++;
      return;
    case undefined:
      // Invalid codes are rejected at import; reaching here is a bug upstream, so fail loudly
      // rather than silently shrink the denominator.
      throw new RangeError(`Invalid register code: "${code}"`);
  }
}

/** Counts a child's (or group's) session codes, over all enrolments. */
export function countCodes(codes: Iterable<string>): Counts {
  const counts = emptyCounts();
  for (const code of codes) tallyCode(counts, code);
  return counts;
}

export function absentSessions(c: Counts): number {
  return c.authorised + c.unauthorised;
}

/** attended / possible, unrounded; null (no attendance data) when possible is 0. */
export function attendanceRate(c: Counts): number | null {
  return c.possible > 0 ? c.attended / c.possible : null;
}

/** (authorised + unauthorised) / possible, unrounded; null when possible is 0. */
export function absenceRate(c: Counts): number | null {
  return c.possible > 0 ? absentSessions(c) / c.possible : null;
}

/**
 * The absence thresholds as whole-number ratios: absent sessions x `times` >= possible sessions. Also
 * read by the SQL that aggregates measures in the database (lib/reports/measures-sql.ts).
 */
export const PERSISTENT_TIMES = 10; // 10%: 38 of 380 is PA
export const SEVERE_TIMES = 2; // 50%

/** Persistently absent: absence >= 10% of possible sessions (38 of 380 is PA). */
export function isPersistent(c: Counts): boolean {
  return c.possible > 0 && absentSessions(c) * PERSISTENT_TIMES >= c.possible;
}

/** Severely absent: absence >= 50% of possible sessions (also persistently absent). */
export function isSevere(c: Counts): boolean {
  return c.possible > 0 && absentSessions(c) * SEVERE_TIMES >= c.possible;
}

/** The measures of one child: children, persistent and severe are 0 or 1. */
export function childMeasures(c: Counts): Measures {
  return groupMeasures([c]);
}

/**
 * The measures of a group from its children's counts. Sessions are summed (the group rate is not an
 * average of child rates); children, persistent and severe count only children with a possible session.
 */
export function groupMeasures(perChild: Iterable<Counts>): Measures {
  let total = emptyCounts();
  let children = 0;
  let persistent = 0;
  let severe = 0;
  for (const c of perChild) {
    total = addCounts(total, c);
    if (c.possible > 0) children++;
    if (isPersistent(c)) persistent++;
    if (isSevere(c)) severe++;
  }
  return {
    children,
    possible: total.possible,
    attended: total.attended,
    authorised: total.authorised,
    unauthorised: total.unauthorised,
    attendanceRate: attendanceRate(total),
    persistent,
    severe,
  };
}

/** The measures of an empty group: zeros and a null rate. */
export function emptyMeasures(): Measures {
  return groupMeasures([]);
}
