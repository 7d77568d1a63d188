import { describe, expect, it } from "vitest";
import {
  addDays,
  compareIso,
  dayOfWeek,
  daysBetween,
  eachDay,
  formatDay,
  isIsoDate,
  isoParts,
  isWeekend,
  maxIso,
  minIso,
  parseDateInput,
  parseIsoDate,
  toIso,
} from "@/lib/attendance/dates";

describe("parseDateInput", () => {
  it.each([
    ["2026-01-31", "2026-01-31"],
    ["31/01/2026", "2026-01-31"],
    ["1/9/2025", "2025-09-01"],
    ["01/09/2025", "2025-09-01"],
    [" 2025-09-01 ", "2025-09-01"],
    ["29/02/2024", "2024-02-29"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["31/12/1999", "1999-12-31"],
  ])("accepts %j as %s", (input, expected) => {
    expect(parseDateInput(input)).toBe(expected);
  });

  it.each([
    "31/02/2026",
    "2026-02-29",
    "29/02/2026",
    "1900-02-29",
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "2026-01-00",
    "2026-01-32",
    "00/01/2026",
    "31/04/2026",
    "2026-1-5",
    "26-01-05",
    "01/01/26",
    "2026/01/05",
    "01-01-2026",
    "",
    "   ",
    "yesterday",
    "2026-01-05T00:00:00Z",
  ])("rejects %j", (input) => {
    expect(parseDateInput(input)).toBeNull();
  });
});

describe("isIsoDate / parseIsoDate / toIso", () => {
  it("round-trips through UTC midnight", () => {
    const d = parseIsoDate("2025-03-30"); // the day British Summer Time starts
    expect(d.toISOString()).toBe("2025-03-30T00:00:00.000Z");
    expect(toIso(d)).toBe("2025-03-30");
  });

  it("rejects impossible days and other formats", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("31/01/2026")).toBe(false);
    expect(() => parseIsoDate("2026-02-31")).toThrow(RangeError);
    expect(() => parseIsoDate("nonsense")).toThrow(RangeError);
  });

  it("handles years before 100 without the Date.UTC 19xx shift", () => {
    expect(isIsoDate("0099-12-31")).toBe(true);
    expect(toIso(parseIsoDate("0099-12-31"))).toBe("0099-12-31");
  });

  it("toIso takes the UTC day, whatever the local time zone", () => {
    expect(toIso(new Date("2025-06-30T23:30:00Z"))).toBe("2025-06-30");
    expect(toIso(new Date("2025-07-01T00:30:00+01:00"))).toBe("2025-06-30");
    expect(() => toIso(new Date("garbage"))).toThrow(RangeError);
  });

  it("isoParts splits a day", () => {
    expect(isoParts("2025-09-01")).toEqual({ year: 2025, month: 9, day: 1 });
  });
});

describe("day arithmetic", () => {
  it.each([
    ["2025-12-31", 1, "2026-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2025-03-29", 2, "2025-03-31"], // across the clocks changing
    ["2025-10-25", 2, "2025-10-27"],
    ["2026-01-28", -27, "2026-01-01"],
    ["2026-01-01", 0, "2026-01-01"],
    ["2024-01-01", 366, "2025-01-01"],
  ])("addDays(%s, %i) = %s", (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
  });

  it.each([
    ["2026-01-01", "2026-01-02", 1],
    ["2026-01-02", "2026-01-01", -1],
    ["2026-01-01", "2026-01-01", 0],
    ["2025-03-01", "2025-04-01", 31],
    ["2024-01-01", "2025-01-01", 366],
  ])("daysBetween(%s, %s) = %i", (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });

  it("compareIso orders days and sorts", () => {
    expect(compareIso("2025-01-01", "2025-01-02")).toBe(-1);
    expect(compareIso("2025-01-02", "2025-01-01")).toBe(1);
    expect(compareIso("2025-01-01", "2025-01-01")).toBe(0);
    expect(["2025-10-01", "2024-12-31", "2025-09-30"].sort(compareIso)).toEqual([
      "2024-12-31",
      "2025-09-30",
      "2025-10-01",
    ]);
    expect(minIso("2025-01-02", "2025-01-01")).toBe("2025-01-01");
    expect(maxIso("2025-01-02", "2025-01-01")).toBe("2025-01-02");
  });

  it("eachDay includes both ends and crosses month and leap days", () => {
    expect(eachDay("2024-02-27", "2024-03-01")).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(eachDay("2026-01-01", "2026-01-01")).toEqual(["2026-01-01"]);
    expect(eachDay("2026-01-02", "2026-01-01")).toEqual([]);
    expect(eachDay("2025-09-01", "2026-08-31")).toHaveLength(365);
  });

  it.each([
    ["2026-01-03", true, 6], // Saturday
    ["2026-01-04", true, 0], // Sunday
    ["2026-01-05", false, 1], // Monday
    ["2026-01-09", false, 5], // Friday
  ])("isWeekend(%s) = %s", (d, weekend, dow) => {
    expect(isWeekend(d)).toBe(weekend);
    expect(dayOfWeek(d)).toBe(dow);
  });

  it("formatDay writes British short dates", () => {
    expect(formatDay("2025-09-01")).toBe("1 Sep 2025");
    expect(formatDay("2026-12-25")).toBe("25 Dec 2026");
  });
});
