// Gap reports: how far a group's attendance sits from its whole cohort's, and whether the difference
// is distinct enough (and the groups big enough) for senior leaders to act on and to share.
import type { Counts } from "./measures";

/** Groups of fewer children than this are shown as "c" in shared exports (tenants may set their own). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 6;
/** A gap of this many percentage points or more is distinct. */
export const DISTINCT_GAP_POINTS = 5;

// Rates come from integer sessions, so a true gap of exactly 5 points can compute as 4.9999999999.
// The tolerance absorbs that; the exact decision on counts is gapIsDistinctExact.
const FLOAT_TOLERANCE = 1e-9;

/** Group rate minus cohort rate, in percentage points (negative = group below cohort); null without data. */
export function gapPoints(groupRate: number | null, cohortRate: number | null): number | null {
  if (groupRate === null || cohortRate === null) return null;
  return (groupRate - cohortRate) * 100;
}

/**
 * Gap of at least 5 points either way, decided exactly on session counts:
 * |ag/pg - ac/pc| >= 1/20  <=>  |20·ag·pc - 20·ac·pg| >= pg·pc. False when either has no possible session.
 */
export function gapIsDistinctExact(group: Counts, cohort: Counts): boolean {
  const { attended: ag, possible: pg } = group;
  const { attended: ac, possible: pc } = cohort;
  if (pg <= 0 || pc <= 0) return false;
  return Math.abs(20 * ag * pc - 20 * ac * pg) >= pg * pc;
}

/** Both groups big enough to be shown: "above the suppression threshold" read as not suppressed (>= threshold). */
function bigEnough(groupChildren: number, cohortChildren: number, threshold: number): boolean {
  return groupChildren >= threshold && cohortChildren >= threshold;
}

/** A distinct difference: |gap| >= 5 points and neither group suppressed. */
export function isDistinct(args: {
  groupChildren: number;
  cohortChildren: number;
  gap: number | null;
  threshold: number;
}): boolean {
  const { groupChildren, cohortChildren, gap, threshold } = args;
  if (gap === null || !bigEnough(groupChildren, cohortChildren, threshold)) return false;
  return Math.abs(gap) >= DISTINCT_GAP_POINTS - FLOAT_TOLERANCE;
}

/** isDistinct decided on session counts rather than a floating gap. */
export function isDistinctExact(args: {
  group: Counts;
  cohort: Counts;
  groupChildren: number;
  cohortChildren: number;
  threshold: number;
}): boolean {
  const { group, cohort, groupChildren, cohortChildren, threshold } = args;
  return bigEnough(groupChildren, cohortChildren, threshold) && gapIsDistinctExact(group, cohort);
}

/** A count fit for sharing: fewer than `threshold` (zero included) becomes "c". */
export function suppress(n: number, threshold: number): number | "c" {
  return n < threshold ? "c" : n;
}
