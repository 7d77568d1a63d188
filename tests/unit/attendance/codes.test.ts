import { describe, expect, it } from "vitest";
import {
  ABSENCE_CODES,
  ALL_CODES,
  APPROVED_CODES,
  ATTENDANCE_CODES,
  AUTHORISED_CODES,
  CODE_INFO,
  LEGACY_CODES,
  NO_MARK_CODE,
  NOT_POSSIBLE_CODES,
  POSSIBLE_CODES,
  PRESENT_CODES,
  UNAUTHORISED_CODES,
  classifyCode,
  isAbsence,
  isAttendance,
  isPossible,
  isValidCode,
  type CodeCategory,
} from "@/lib/attendance/codes";

// Every code of DOMAIN.md with its category, typed out again so the table in codes.ts is checked
// against the specification rather than against itself.
const EXPECTED: [string, CodeCategory][] = [
  ["/", "present"],
  ["\\", "present"],
  ["L", "present"],
  ["K", "approved"],
  ["V", "approved"],
  ["P", "approved"],
  ["W", "approved"],
  ["B", "approved"],
  ["J", "approved"], // pre-2024
  ["C1", "authorised"],
  ["M", "authorised"],
  ["J1", "authorised"],
  ["S", "authorised"],
  ["C2", "authorised"],
  ["C", "authorised"],
  ["T", "authorised"],
  ["R", "authorised"],
  ["I", "authorised"],
  ["E", "authorised"],
  ["H", "authorised"], // pre-2024
  ["F", "authorised"], // pre-2024
  ["G", "unauthorised"],
  ["N", "unauthorised"],
  ["O", "unauthorised"],
  ["U", "unauthorised"],
  ["D", "not_possible"],
  ["X", "not_possible"],
  ["Q", "not_possible"],
  ["Y1", "not_possible"],
  ["Y2", "not_possible"],
  ["Y3", "not_possible"],
  ["Y4", "not_possible"],
  ["Y5", "not_possible"],
  ["Y6", "not_possible"],
  ["Y7", "not_possible"],
  ["Z", "not_possible"],
  ["#", "not_possible"],
  ["Y", "not_possible"], // pre-2024
  ["-", "no_mark"],
];

describe("classifyCode", () => {
  it.each(EXPECTED)("%j is %s", (code, category) => {
    expect(classifyCode(code)).toBe(category);
    expect(isValidCode(code)).toBe(true);
  });

  it("knows exactly the codes of DOMAIN.md, no more", () => {
    expect([...ALL_CODES].sort()).toEqual(EXPECTED.map(([c]) => c).sort());
    expect(Object.keys(CODE_INFO).sort()).toEqual(EXPECTED.map(([c]) => c).sort());
  });

  it.each([
    "",
    " ",
    "A",
    "l", // lower case of a valid code
    "i",
    "c1",
    "y1",
    "Y8",
    "Y0",
    "C3",
    "J2",
    " L",
    "L ",
    "//",
    "--",
    "?",
    "toString",
    "constructor",
    "__proto__",
    "hasOwnProperty",
  ])("%j is invalid", (code) => {
    expect(classifyCode(code)).toBeUndefined();
    expect(isValidCode(code)).toBe(false);
    expect(isPossible(code)).toBe(false);
    expect(isAttendance(code)).toBe(false);
    expect(isAbsence(code)).toBe(false);
  });
});

describe("predicates", () => {
  it.each(EXPECTED)("%j (%s) predicates agree with its category", (code, category) => {
    const attendance = category === "present" || category === "approved";
    const absence = category === "authorised" || category === "unauthorised";
    expect(isAttendance(code)).toBe(attendance);
    expect(isAbsence(code)).toBe(absence);
    expect(isPossible(code)).toBe(attendance || absence);
  });

  it("dual registration D and no mark '-' are not possible sessions", () => {
    expect(isPossible("D")).toBe(false);
    expect(isPossible(NO_MARK_CODE)).toBe(false);
  });
});

describe("code lists", () => {
  it("partition the codes by category", () => {
    expect(PRESENT_CODES).toEqual(["/", "\\", "L"]);
    expect([...APPROVED_CODES].sort()).toEqual(["B", "J", "K", "P", "V", "W"]);
    expect([...ATTENDANCE_CODES].sort()).toEqual([...PRESENT_CODES, ...APPROVED_CODES].sort());
    expect([...AUTHORISED_CODES].sort()).toEqual(["C", "C1", "C2", "E", "F", "H", "I", "J1", "M", "R", "S", "T"]);
    expect([...UNAUTHORISED_CODES].sort()).toEqual(["G", "N", "O", "U"]);
    expect([...ABSENCE_CODES].sort()).toEqual([...AUTHORISED_CODES, ...UNAUTHORISED_CODES].sort());
    expect([...NOT_POSSIBLE_CODES].sort()).toEqual(
      ["#", "D", "Q", "X", "Y", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z"].sort(),
    );
    expect(NO_MARK_CODE).toBe("-");
    expect([...POSSIBLE_CODES].sort()).toEqual([...ATTENDANCE_CODES, ...ABSENCE_CODES].sort());
    const all = [...ATTENDANCE_CODES, ...ABSENCE_CODES, ...NOT_POSSIBLE_CODES, NO_MARK_CODE];
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(ALL_CODES.length);
  });

  it("mark the four pre-2024 codes as legacy", () => {
    expect([...LEGACY_CODES].sort()).toEqual(["F", "H", "J", "Y"]);
  });

  it("give every code a meaning and its own category", () => {
    for (const [code, category] of EXPECTED) {
      const info = CODE_INFO[code];
      expect(info?.code).toBe(code);
      expect(info?.category).toBe(category);
      expect(info?.meaning.length).toBeGreaterThan(5);
    }
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(CODE_INFO)).toBe(true);
    expect(Object.isFrozen(ATTENDANCE_CODES)).toBe(true);
  });
});
