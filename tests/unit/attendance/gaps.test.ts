import { describe, expect, it } from "vitest";
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  gapIsDistinctExact,
  gapPoints,
  isDistinct,
  isDistinctExact,
  suppress,
} from "@/lib/attendance/gaps";
import { attendanceRate, type Counts } from "@/lib/attendance/measures";

function c(attended: number, possible: number): Counts {
  return { possible, attended, authorised: possible - attended, unauthorised: 0, noMark: 0 };
}

describe("gapPoints", () => {
  it.each([
    [0.85, 0.9, -5],
    [0.9, 0.85, 5],
    [0.5, 0.5, 0],
    [null, 0.9, null],
    [0.9, null, null],
    [null, null, null],
  ])("group %s vs cohort %s -> %s points", (group, cohort, expected) => {
    const gap = gapPoints(group, cohort);
    if (expected === null) expect(gap).toBeNull();
    else expect(gap).toBeCloseTo(expected, 12);
  });
});

describe("gapIsDistinctExact", () => {
  it.each([
    [c(85, 100), c(90, 100), true], // exactly 5 points below
    [c(95, 100), c(90, 100), true], // exactly 5 points above
    [c(86, 100), c(90, 100), false], // 4 points
    [c(171, 200), c(9, 10), false], // 85.5% vs 90%: 4.5 points
    [c(17, 20), c(171, 190), true], // 85% vs 90% exactly, awkward denominators
    [c(0, 0), c(90, 100), false], // no data in the group
    [c(90, 100), c(0, 0), false],
  ])("group %j vs cohort %j -> %s", (group, cohort, expected) => {
    expect(gapIsDistinctExact(group, cohort)).toBe(expected);
  });

  it("matches exact rational arithmetic on small counts", () => {
    for (let pg = 1; pg <= 25; pg++) {
      for (let ag = 0; ag <= pg; ag++) {
        for (let pc = 1; pc <= 25; pc++) {
          for (let ac = 0; ac <= pc; ac += 3) {
            const expected = Math.abs(100 * ag * pc - 100 * ac * pg) >= 5 * pg * pc;
            expect(gapIsDistinctExact(c(ag, pg), c(ac, pc))).toBe(expected);
          }
        }
      }
    }
  });
});

describe("isDistinct", () => {
  const t = DEFAULT_SUPPRESSION_THRESHOLD;

  it.each([
    [6, 40, -5, true], // both exactly at the threshold of 6: shown, so distinct
    [5, 40, -5, false], // group suppressed
    [6, 5, 5, false], // cohort suppressed
    [6, 40, -4.99, false],
    [6, 40, 7.5, true],
    [6, 40, null, false], // no data
    [100, 200, 0, false],
  ])("group of %i, cohort of %i, gap %s -> %s", (groupChildren, cohortChildren, gap, expected) => {
    expect(isDistinct({ groupChildren, cohortChildren, gap, threshold: t })).toBe(expected);
  });

  it("counts a gap of exactly 5 points computed from rates, despite floating point", () => {
    // (19/20 - 9/10) * 100 is 4.999999999999993 in doubles.
    const gap = gapPoints(attendanceRate(c(19, 20)), attendanceRate(c(9, 10)));
    expect(gap).toBeLessThan(5);
    expect(isDistinct({ groupChildren: 10, cohortChildren: 50, gap, threshold: t })).toBe(true);
  });

  it("isDistinctExact decides on counts and sizes", () => {
    const args = { group: c(85, 100), cohort: c(90, 100), cohortChildren: 30, threshold: t };
    expect(isDistinctExact({ ...args, groupChildren: 6 })).toBe(true);
    expect(isDistinctExact({ ...args, groupChildren: 5 })).toBe(false);
    expect(isDistinctExact({ ...args, group: c(86, 100), groupChildren: 6 })).toBe(false);
  });
});

describe("suppress", () => {
  it.each([
    [0, 6, "c"],
    [1, 6, "c"],
    [5, 6, "c"],
    [6, 6, 6],
    [120, 6, 120],
    [9, 10, "c"], // a tenant's own threshold
    [10, 10, 10],
  ])("%i with threshold %i -> %s", (n, threshold, expected) => {
    expect(suppress(n, threshold)).toBe(expected);
  });
});
