import { describe, expect, it } from "vitest";
import {
  absenceRate,
  addCounts,
  attendanceRate,
  childMeasures,
  countCodes,
  emptyCounts,
  emptyMeasures,
  groupMeasures,
  isPersistent,
  isSevere,
  type Counts,
} from "@/lib/attendance/measures";

/** Counts of `attended` present sessions, `authorised` I and `unauthorised` O. */
function counts(attended: number, authorised: number, unauthorised: number, noMark = 0): Counts {
  return { possible: attended + authorised + unauthorised, attended, authorised, unauthorised, noMark };
}

function repeat(code: string, n: number): string[] {
  return Array.from({ length: n }, () => code);
}

describe("countCodes", () => {
  it("starts empty", () => {
    expect(countCodes([])).toEqual(emptyCounts());
    expect(emptyCounts()).toEqual({ possible: 0, attended: 0, authorised: 0, unauthorised: 0, noMark: 0 });
  });

  it.each([
    ["/", { possible: 1, attended: 1 }],
    ["\\", { possible: 1, attended: 1 }],
    ["L", { possible: 1, attended: 1 }],
    ["B", { possible: 1, attended: 1 }],
    ["J", { possible: 1, attended: 1 }],
    ["I", { possible: 1, authorised: 1 }],
    ["H", { possible: 1, authorised: 1 }],
    ["F", { possible: 1, authorised: 1 }],
    ["C2", { possible: 1, authorised: 1 }],
    ["N", { possible: 1, unauthorised: 1 }],
    ["U", { possible: 1, unauthorised: 1 }],
    ["D", {}],
    ["Y", {}],
    ["Y7", {}],
    ["#", {}],
    ["-", { noMark: 1 }],
  ])("counts %j", (code, expected) => {
    expect(countCodes([code])).toEqual({ ...emptyCounts(), ...expected });
  });

  it("counts a dual-registered child once: D at the second school adds nothing", () => {
    // The same two sessions at the main school and at a second school where they are marked D.
    expect(countCodes(["/", "O", "D", "D"])).toEqual(counts(1, 0, 1));
  });

  it("counts no mark as a gap, never as a possible session", () => {
    const c = countCodes(["-", "-", "/"]);
    expect(c).toEqual(counts(1, 0, 0, 2));
    expect(attendanceRate(c)).toBe(1);
  });

  it("rejects invalid codes loudly", () => {
    expect(() => countCodes(["/", "l"])).toThrow(/Invalid register code: "l"/);
    expect(() => countCodes([""])).toThrow(RangeError);
  });

  it("accepts any iterable", () => {
    function* codes() {
      yield "/";
      yield "G";
    }
    expect(countCodes(codes())).toEqual(counts(1, 0, 1));
  });
});

describe("addCounts", () => {
  it("adds field by field without changing its arguments", () => {
    const a = counts(1, 2, 3, 4);
    const b = counts(10, 20, 30, 40);
    expect(addCounts(a, b)).toEqual(counts(11, 22, 33, 44));
    expect(a).toEqual(counts(1, 2, 3, 4));
  });
});

describe("rates", () => {
  it.each([
    [counts(0, 0, 0), null, null],
    [counts(0, 0, 0, 5), null, null],
    [counts(3, 0, 0), 1, 0],
    [counts(0, 1, 2), 0, 1],
    [counts(342, 20, 18), 342 / 380, 38 / 380],
    [counts(2, 1, 0), 2 / 3, 1 / 3],
  ])("%j: attendance %s, absence %s (unrounded)", (c, attendance, absence) => {
    expect(attendanceRate(c)).toBe(attendance);
    expect(absenceRate(c)).toBe(absence);
  });
});

describe("persistent and severe absence", () => {
  it.each([
    // attended, authorised, unauthorised, PA, SA
    [342, 38, 0, true, false], // exactly 10%: 38 of 380 is PA
    [342, 0, 38, true, false],
    [342, 19, 19, true, false],
    [343, 37, 0, false, false], // 37 of 380 is not
    [9, 1, 0, true, false], // 1 of 10
    [10, 1, 0, false, false], // 1 of 11
    [190, 100, 90, true, true], // exactly 50% is SA
    [191, 189, 0, true, false], // 189 of 380 is not SA
    [1, 1, 0, true, true], // 1 of 2
    [0, 0, 1, true, true],
    [1, 0, 0, false, false],
    [0, 0, 0, false, false], // no possible sessions: neither
  ])("%i attended, %i authorised, %i unauthorised: PA %s, SA %s", (a, au, un, pa, sa) => {
    const c = counts(a, au, un);
    expect(isPersistent(c)).toBe(pa);
    expect(isSevere(c)).toBe(sa);
  });

  it("never flags a child with only no-mark or not-possible sessions", () => {
    const c = countCodes(["-", "D", "#", "Y"]);
    expect(isPersistent(c)).toBe(false);
    expect(isSevere(c)).toBe(false);
  });

  it("a severely absent child is always persistently absent", () => {
    for (let possible = 1; possible <= 60; possible++) {
      for (let absent = 0; absent <= possible; absent++) {
        const c = counts(possible - absent, absent, 0);
        if (isSevere(c)) expect(isPersistent(c)).toBe(true);
        // The integer tests agree with exact rational thresholds.
        expect(isPersistent(c)).toBe(absent * 10 >= possible);
        expect(isSevere(c)).toBe(absent * 2 >= possible);
      }
    }
  });
});

describe("childMeasures", () => {
  it.each([
    [counts(342, 38, 0), { children: 1, persistent: 1, severe: 0, attendanceRate: 0.9 }],
    [counts(343, 37, 0), { children: 1, persistent: 0, severe: 0, attendanceRate: 343 / 380 }],
    [counts(5, 3, 2), { children: 1, persistent: 1, severe: 1, attendanceRate: 0.5 }],
    [counts(0, 0, 0, 4), { children: 0, persistent: 0, severe: 0, attendanceRate: null }],
  ])("%j", (c, expected) => {
    expect(childMeasures(c)).toEqual({
      possible: c.possible,
      attended: c.attended,
      authorised: c.authorised,
      unauthorised: c.unauthorised,
      ...expected,
    });
  });

  it("has exactly the fields of the contract's Measures (no noMark)", () => {
    expect(Object.keys(childMeasures(counts(1, 0, 0)))).toEqual([
      "children",
      "possible",
      "attended",
      "authorised",
      "unauthorised",
      "attendanceRate",
      "persistent",
      "severe",
    ]);
  });
});

describe("groupMeasures", () => {
  it("is zeros and a null rate for an empty group", () => {
    const empty = {
      children: 0,
      possible: 0,
      attended: 0,
      authorised: 0,
      unauthorised: 0,
      attendanceRate: null,
      persistent: 0,
      severe: 0,
    };
    expect(groupMeasures([])).toEqual(empty);
    expect(emptyMeasures()).toEqual(empty);
  });

  it("sums sessions (not an average of child rates) and counts only children with possible sessions", () => {
    const perChild = [
      counts(9, 1, 0), // 90%, PA (1 of 10)
      counts(1, 0, 1), // 50%, PA and SA
      counts(100, 0, 0), // 100%
      counts(0, 0, 0, 6), // no possible sessions: not a child of the count
    ];
    expect(groupMeasures(perChild)).toEqual({
      children: 3,
      possible: 112,
      attended: 110,
      authorised: 1,
      unauthorised: 1,
      attendanceRate: 110 / 112, // the mean of child rates would be 80%
      persistent: 2,
      severe: 1,
    });
  });

  it("judges PA / SA per child, not on the group total", () => {
    // Each child is 1 of 11 absent (not PA); together nothing changes; a 10-of-10 child is SA.
    expect(groupMeasures([counts(10, 1, 0), counts(10, 1, 0)]).persistent).toBe(0);
    const m = groupMeasures([counts(10, 0, 0), counts(0, 10, 0), counts(10, 0, 0), counts(10, 0, 0)]);
    expect(m.persistent).toBe(1);
    expect(m.severe).toBe(1);
    expect(m.attendanceRate).toBe(0.75);
  });
});
