import { describe, expect, it } from "vitest";
import { fallingFlags, isFalling } from "@/lib/attendance/falling";
import { emptyCounts, type Counts } from "@/lib/attendance/measures";

/** `attended` of `possible`, the rest unauthorised. */
function c(attended: number, possible: number): Counts {
  return { possible, attended, authorised: 0, unauthorised: possible - attended, noMark: 0 };
}

describe("isFalling", () => {
  it.each([
    // year to date, last 4 weeks, falling?
    [c(90, 100), c(34, 40), true], // 90% -> 85%: exactly 5 points below
    [c(90, 100), c(33, 40), true], // 82.5%
    [c(90, 100), c(35, 40), false], // 87.5%: 2.5 points
    [c(9, 10), c(17, 20), true], // 90% -> 85% exactly, other denominators
    [c(171, 190), c(34, 40), true], // 90% -> 85% exactly
    [c(171, 190), c(341, 400), false], // 85.25%: 4.75 points
    [c(100, 100), c(19, 20), true], // 100% -> 95%
    [c(100, 100), c(39, 40), false], // 97.5%
    [c(80, 100), c(38, 40), false], // rising
    [c(2, 3), c(37, 60), true], // 2/3 - 37/60 = 40/60 - 37/60 = 1/20: exactly 5 points
    [c(2, 3), c(38, 60), false], // 2/3 - 38/60 = 2/60: 3.33 points
    [c(0, 100), c(0, 40), false], // 0% both
    [c(90, 100), c(0, 0), false], // no sessions in the last 4 weeks
    [c(0, 0), c(0, 10), false], // no sessions in the year (cannot happen, but no division by zero)
  ])("ytd %j, last 4 weeks %j -> %s", (ytd, last4, expected) => {
    expect(isFalling(ytd, last4)).toBe(expected);
  });

  it("agrees with exact rational arithmetic where floating point would wobble", () => {
    // For small denominators, compare against a check on integers scaled by 60·p4·py.
    for (let py = 1; py <= 30; py++) {
      for (let ay = 0; ay <= py; ay++) {
        for (let p4 = 1; p4 <= 12; p4++) {
          for (let a4 = 0; a4 <= p4; a4++) {
            const expected = 100 * a4 * py <= 100 * ay * p4 - 5 * p4 * py;
            expect(isFalling(c(ay, py), c(a4, p4))).toBe(expected);
          }
        }
      }
    }
  });
});

describe("fallingFlags", () => {
  it("flags a drop of exactly 5 points, with a reason", () => {
    const flags = fallingFlags({ yearToDate: c(90, 100), last4Weeks: c(34, 40), current: c(90, 100) });
    expect(flags).toEqual({
      falling: true,
      newlyPersistent: false,
      newlySevere: false,
      reasons: ["Attendance over the last 4 weeks (85.0%) is 5 or more percentage points below the year to date (90.0%)"],
    });
  });

  it.each([
    // previous week, now, newly PA, newly SA
    [c(343, 380), c(342, 380), true, false], // 37 -> 38 of 380 absent: became PA
    [c(342, 380), c(342, 381), false, false], // PA already
    [c(344, 380), c(343, 380), false, false], // still not PA
    [c(20, 38), c(19, 38), false, true], // was PA, became SA at exactly 50%
    [c(10, 10), c(0, 2), true, true], // straight to SA
    [emptyCounts(), c(0, 2), true, true], // no sessions a week ago counts as not PA / SA
    [c(0, 2), c(10, 20), false, false], // SA already (10 of 20)
    [c(1, 2), c(6, 10), false, false], // was SA, now only PA: not "newly" anything
  ])("previous %j, current %j: newly PA %s, newly SA %s", (previousWeek, current, pa, sa) => {
    const flags = fallingFlags({ yearToDate: current, last4Weeks: current, previousWeek, current });
    expect(flags.newlyPersistent).toBe(pa);
    expect(flags.newlySevere).toBe(sa);
    expect(flags.reasons).toHaveLength((pa ? 1 : 0) + (sa ? 1 : 0) + (flags.falling ? 1 : 0));
  });

  it("cannot call anything new without last week's counts", () => {
    const flags = fallingFlags({ yearToDate: c(0, 10), last4Weeks: c(0, 10), current: c(0, 10) });
    expect(flags).toEqual({ falling: false, newlyPersistent: false, newlySevere: false, reasons: [] });
  });

  it("gives every raised flag its own reason", () => {
    const flags = fallingFlags({
      yearToDate: c(95, 100),
      last4Weeks: c(10, 40),
      previousWeek: c(91, 100),
      current: c(89, 100),
    });
    expect(flags.falling).toBe(true);
    expect(flags.newlyPersistent).toBe(true);
    expect(flags.newlySevere).toBe(false);
    expect(flags.reasons).toEqual([
      "Attendance over the last 4 weeks (25.0%) is 5 or more percentage points below the year to date (95.0%)",
      "Became persistently absent (10% or more of sessions missed) in the last week",
    ]);
  });
});
