import { describe, expect, it } from "vitest";
import {
  ETHNICITY_GROUPS,
  ethnicityGroup,
  yearGroup,
  yearGroupLabel,
  yesNo,
} from "@/lib/attendance/characteristics";
import { CHARACTERISTIC_KEYS, orderGroupKeys } from "@/lib/attendance/report-keys";

describe("ethnicityGroup", () => {
  it.each([
    // Main codes of DOMAIN.md
    ["WBRI", "White"],
    ["WIRI", "White"],
    ["WIRT", "White"],
    ["WOTH", "White"],
    ["WROM", "White"],
    ["MWBC", "Mixed"],
    ["MWBA", "Mixed"],
    ["MWAS", "Mixed"],
    ["MOTH", "Mixed"],
    ["AIND", "Asian"],
    ["APKN", "Asian"],
    ["ABAN", "Asian"],
    ["AOTH", "Asian"],
    ["BCRB", "Black"],
    ["BAFR", "Black"],
    ["BOTH", "Black"],
    ["CHNE", "Chinese"],
    ["OOTH", "Other"], // "Any other ethnic group" has the JSON key Other
    // Extended codes roll up by first letter
    ["WENG", "White"],
    ["WSCO", "White"],
    ["AKPA", "Asian"],
    ["BGHA", "Black"],
    ["BSOM", "Black"],
    ["CHKC", "Chinese"],
    ["MWBO", "Mixed"],
    ["OAFG", "Other"],
    // Unknown
    ["REFU", "Unknown"],
    ["NOBT", "Unknown"],
    ["", "Unknown"],
    ["   ", "Unknown"],
    [null, "Unknown"],
    [undefined, "Unknown"],
    ["rubbish", "Unknown"],
    ["WBR", "Unknown"], // too short
    ["WBRIX", "Unknown"], // too long
    ["W1RI", "Unknown"],
    ["XABC", "Unknown"], // no such group letter
    ["ZZZZ", "Unknown"],
    ["NOTK", "Unknown"],
    // Tidied before matching
    [" WBRI ", "White"],
    ["wbri", "White"],
  ] as [string | null | undefined, string][])("%j -> %s", (code, expected) => {
    expect(ethnicityGroup(code)).toBe(expected);
  });

  it("only ever returns a major group key of the contract", () => {
    expect(ETHNICITY_GROUPS).toEqual(["White", "Mixed", "Asian", "Black", "Chinese", "Other", "Unknown"]);
  });
});

describe("yearGroup", () => {
  it.each([
    // Academic year 2025/26: age on 31 Aug 2025, minus 4
    ["2019-09-01", 2025, 1], // oldest of Year 1: 5 on 31 Aug 2025 (6 on 1 Sep)
    ["2020-08-31", 2025, 1], // youngest of Year 1: turns 5 on 31 Aug 2025 itself
    ["2020-09-01", 2025, 0], // oldest of Reception: still 4 on 31 Aug 2025
    ["2021-08-31", 2025, 0], // youngest of Reception
    ["2021-09-01", 2025, -1], // Nursery
    ["2019-08-31", 2025, 2],
    ["2010-09-01", 2025, 10],
    ["2008-09-01", 2025, 12],
    ["2007-09-01", 2025, 13],
    ["2006-09-01", 2025, 14], // beyond Year 13: returned as computed
    ["2024-01-01", 2025, -3],
    ["2016-02-29", 2025, 5], // leap-day birthday (turns 9 on 28/29 Feb) -> Year 5
    ["2016-02-29", 2024, 4],
    // Same child, following years
    ["2020-08-31", 2024, 0],
    ["2020-08-31", 2026, 2],
  ])("born %s, academic year %i -> %i", (dob, academicYear, expected) => {
    expect(yearGroup(dob, academicYear)).toBe(expected);
  });

  it("rejects an invalid date of birth", () => {
    expect(() => yearGroup("2020-02-30", 2025)).toThrow(RangeError);
  });
});

describe("yearGroupLabel", () => {
  it.each([
    [-2, "Year group -2"],
    [-1, "Nursery"],
    [0, "Reception"],
    [1, "Year 1"],
    [11, "Year 11"],
    [13, "Year 13"],
    [14, "Year group 14"],
  ])("%i -> %s", (n, label) => {
    expect(yearGroupLabel(n)).toBe(label);
  });
});

describe("yesNo", () => {
  it("maps booleans to the contract's Y / N", () => {
    expect(yesNo(true)).toBe("Y");
    expect(yesNo(false)).toBe("N");
  });
});

describe("orderGroupKeys", () => {
  it("lists the six breakdowns of the contract", () => {
    expect(CHARACTERISTIC_KEYS).toEqual(["sex", "ethnicity", "sen", "fsm", "eal", "yearGroup"]);
  });

  it.each([
    ["sex", ["U", "F", "M"], ["M", "F", "U"]],
    ["sex", ["X", "F"], ["F", "X"]], // unexpected values last
    ["ethnicity", ["Unknown", "Black", "White", "Other"], ["White", "Black", "Other", "Unknown"]],
    ["sen", ["E", "N", "K"], ["N", "K", "E"]],
    ["fsm", ["N", "Y"], ["Y", "N"]],
    ["eal", ["N"], ["N"]],
    ["yearGroup", ["10", "-1", "2", "0"], ["-1", "0", "2", "10"]],
  ] as const)("%s: %j -> %j", (key, values, expected) => {
    expect(orderGroupKeys(key, values)).toEqual(expected);
  });
});
