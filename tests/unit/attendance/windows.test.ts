import { describe, expect, it } from "vitest";
import { addDays, daysBetween, eachDay } from "@/lib/attendance/dates";
import {
  academicYearLabel,
  academicYearOf,
  censusTerms,
  defaultHalfTerms,
  easterSunday,
  halfTermOf,
  halfTermsOfYear,
  resolveWindow,
  statisticsYearOf,
  termOf,
  termsOfYear,
  type HalfTermDates,
} from "@/lib/attendance/windows";

// A tenant's own calendar for 2025/26.
const TENANT: HalfTermDates[] = [
  { academicYear: 2025, term: "AUTUMN", half: 1, startDate: "2025-09-03", endDate: "2025-10-24" },
  { academicYear: 2025, term: "AUTUMN", half: 2, startDate: "2025-11-03", endDate: "2025-12-19" },
  { academicYear: 2025, term: "SPRING", half: 1, startDate: "2026-01-05", endDate: "2026-02-13" },
  { academicYear: 2025, term: "SPRING", half: 2, startDate: "2026-02-23", endDate: "2026-03-27" },
  { academicYear: 2025, term: "SUMMER", half: 1, startDate: "2026-04-13", endDate: "2026-05-22" },
  { academicYear: 2025, term: "SUMMER", half: 2, startDate: "2026-06-01", endDate: "2026-07-22" },
];

describe("academic and statistics years", () => {
  it.each([
    ["2025-08-31", 2024, 2025],
    ["2025-09-01", 2025, 2025],
    ["2025-07-31", 2024, 2024],
    ["2025-08-01", 2024, 2025],
    ["2025-12-31", 2025, 2025],
    ["2026-01-01", 2025, 2025],
  ])("%s: academic %i, statistics %i", (day, academic, statistics) => {
    expect(academicYearOf(day)).toBe(academic);
    expect(statisticsYearOf(day)).toBe(statistics);
  });

  it.each([
    [2025, "2025/26"],
    [1999, "1999/00"],
    [2009, "2009/10"],
  ])("labels %i as %s", (year, label) => {
    expect(academicYearLabel(year)).toBe(label);
  });
});

describe("easterSunday", () => {
  it.each([
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"], // latest possible
    [2285, "2285-03-22"], // earliest possible
    [2000, "2000-04-23"],
  ])("%i -> %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    for (let year = 1900; year <= 2200; year++) {
      const d = easterSunday(year);
      expect(new Date(`${d}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(d.slice(5) >= "03-22" && d.slice(5) <= "04-25").toBe(true);
    }
  });
});

describe("censusTerms", () => {
  it.each([
    [2024, "2025-04-20", "2025-04-21"],
    [2025, "2026-04-05", "2026-04-06"],
    [2026, "2027-03-28", "2027-03-29"],
  ])("%i/%i: spring ends Easter Sunday %s, summer starts Easter Monday %s", (year, sunday, monday) => {
    expect(censusTerms(year)).toEqual([
      { academicYear: year, term: "AUTUMN", startDate: `${year}-08-01`, endDate: `${year}-12-31` },
      { academicYear: year, term: "SPRING", startDate: `${year + 1}-01-01`, endDate: sunday },
      { academicYear: year, term: "SUMMER", startDate: monday, endDate: `${year + 1}-07-31` },
    ]);
  });
});

describe("defaultHalfTerms", () => {
  it("splits 2025/26 at 31 Oct, end of February and 31 May", () => {
    expect(defaultHalfTerms(2025).map((h) => [h.term, h.half, h.startDate, h.endDate])).toEqual([
      ["AUTUMN", 1, "2025-08-01", "2025-10-31"],
      ["AUTUMN", 2, "2025-11-01", "2025-12-31"],
      ["SPRING", 1, "2026-01-01", "2026-02-28"],
      ["SPRING", 2, "2026-03-01", "2026-04-05"],
      ["SUMMER", 1, "2026-04-06", "2026-05-31"],
      ["SUMMER", 2, "2026-06-01", "2026-07-31"],
    ]);
  });

  it("ends spring 1 on 29 February in a leap year", () => {
    expect(defaultHalfTerms(2027).find((h) => h.term === "SPRING" && h.half === 1)?.endDate).toBe("2028-02-29");
  });

  it("covers the census year with no gap, no overlap and no empty half, for many years", () => {
    for (let year = 2000; year <= 2100; year++) {
      const halves = defaultHalfTerms(year);
      expect(halves[0]?.startDate).toBe(`${year}-08-01`);
      expect(halves[5]?.endDate).toBe(`${year + 1}-07-31`);
      for (let i = 0; i < halves.length; i++) {
        const h = halves[i]!;
        expect(h.startDate <= h.endDate).toBe(true);
        if (i > 0) expect(addDays(halves[i - 1]!.endDate, 1)).toBe(h.startDate);
      }
      // The halves of each term make up the census term.
      const census = censusTerms(year);
      expect(termsOfYear(year, [])).toEqual(census);
    }
  });
});

describe("tenant calendars", () => {
  it("use the tenant's half-terms and terms where set", () => {
    expect(halfTermsOfYear(2025, TENANT)).toEqual(TENANT);
    expect(termsOfYear(2025, TENANT)).toEqual([
      { academicYear: 2025, term: "AUTUMN", startDate: "2025-09-03", endDate: "2025-12-19" },
      { academicYear: 2025, term: "SPRING", startDate: "2026-01-05", endDate: "2026-03-27" },
      { academicYear: 2025, term: "SUMMER", startDate: "2026-04-13", endDate: "2026-07-22" },
    ]);
  });

  it("fall back to the defaults for a term the tenant has not set", () => {
    const autumnOnly = TENANT.filter((h) => h.term === "AUTUMN");
    expect(termsOfYear(2025, autumnOnly)).toEqual([
      { academicYear: 2025, term: "AUTUMN", startDate: "2025-09-03", endDate: "2025-12-19" },
      { academicYear: 2025, term: "SPRING", startDate: "2026-01-01", endDate: "2026-04-05" },
      { academicYear: 2025, term: "SUMMER", startDate: "2026-04-06", endDate: "2026-07-31" },
    ]);
    expect(termsOfYear(2026, TENANT)).toEqual(censusTerms(2026));
  });

  it("do not depend on the order the half-terms are given in", () => {
    const shuffled = [...TENANT].reverse();
    expect(termsOfYear(2025, shuffled)).toEqual(termsOfYear(2025, TENANT));
    for (const day of eachDay("2025-08-01", "2026-09-30")) {
      expect(halfTermOf(day, shuffled)).toEqual(halfTermOf(day, TENANT));
    }
  });
});

describe("halfTermOf and termOf", () => {
  it.each([
    ["2025-09-03", "AUTUMN", 1], // first day
    ["2025-10-24", "AUTUMN", 1], // last day
    ["2025-10-28", "AUTUMN", 1], // half-term holiday: the most recent one that started
    ["2025-11-03", "AUTUMN", 2],
    ["2025-12-25", "AUTUMN", 2], // Christmas holiday
    ["2026-01-05", "SPRING", 1],
    ["2026-02-16", "SPRING", 1],
    ["2026-04-06", "SPRING", 2], // Easter holiday
    ["2026-04-13", "SUMMER", 1],
    ["2026-07-22", "SUMMER", 2],
    ["2026-08-20", "SUMMER", 2], // summer holiday: the term just finished
  ] as const)("tenant calendar, %s -> %s %i 2025/26", (day, term, half) => {
    const h = halfTermOf(day, TENANT);
    expect([h.academicYear, h.term, h.half]).toEqual([2025, term, half]);
    const t = termOf(day, TENANT);
    expect([t.academicYear, t.term]).toEqual([2025, term]);
  });

  it("before the tenant's autumn starts, the summer before is the latest started (defaults for 2024/25)", () => {
    expect(halfTermOf("2025-09-01", TENANT)).toMatchObject({ academicYear: 2024, term: "SUMMER", half: 2 });
    expect(termOf("2025-09-01", TENANT)).toMatchObject({
      academicYear: 2024,
      term: "SUMMER",
      startDate: "2025-04-21",
      endDate: "2025-07-31",
    });
  });

  it("finds a tenant autumn that starts in late August", () => {
    const early: HalfTermDates[] = [
      { academicYear: 2026, term: "AUTUMN", half: 1, startDate: "2026-08-27", endDate: "2026-10-23" },
    ];
    expect(halfTermOf("2026-08-26", early)).toMatchObject({ academicYear: 2025, term: "SUMMER", half: 2 });
    expect(halfTermOf("2026-08-28", early)).toEqual(early[0]);
    expect(termOf("2026-08-28", early)).toMatchObject({ academicYear: 2026, term: "AUTUMN", startDate: "2026-08-27" });
  });

  it.each([
    ["2025-09-01", 2025, "AUTUMN", 1],
    ["2025-10-31", 2025, "AUTUMN", 1],
    ["2025-11-01", 2025, "AUTUMN", 2],
    ["2026-02-28", 2025, "SPRING", 1],
    ["2026-04-05", 2025, "SPRING", 2], // Easter Sunday closes spring
    ["2026-04-06", 2025, "SUMMER", 1], // Easter Monday opens summer
    ["2026-07-31", 2025, "SUMMER", 2],
    ["2026-08-15", 2025, "SUMMER", 2], // August: the year just ended, not the census autumn ahead
  ] as const)("no tenant calendar, %s -> %i %s %i", (day, year, term, half) => {
    expect(halfTermOf(day, [])).toMatchObject({ academicYear: year, term, half });
    expect(termOf(day, [])).toMatchObject({ academicYear: year, term });
  });

  it("uses the defaults for a year the tenant has not set (a stale calendar)", () => {
    const yearBefore = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
    const lastYearOnly = TENANT.map((h) => ({
      ...h,
      academicYear: 2024,
      startDate: yearBefore(h.startDate),
      endDate: yearBefore(h.endDate),
    }));
    expect(halfTermOf("2026-02-01", lastYearOnly)).toMatchObject({
      academicYear: 2025,
      term: "SPRING",
      half: 1,
      startDate: "2026-01-01",
    });
  });
});

describe("resolveWindow", () => {
  it.each([
    ["half-term", "2025-10-01", TENANT, { from: "2025-09-03", to: "2025-10-24", label: "Autumn 1 2025/26" }],
    ["half-term", "2025-10-28", TENANT, { from: "2025-09-03", to: "2025-10-24", label: "Autumn 1 2025/26" }],
    ["half-term", "2026-03-02", [], { from: "2026-03-01", to: "2026-04-05", label: "Spring 2 2025/26" }],
    ["term", "2025-10-01", TENANT, { from: "2025-09-03", to: "2025-12-19", label: "Autumn term 2025/26" }],
    ["term", "2026-04-08", TENANT, { from: "2026-01-05", to: "2026-03-27", label: "Spring term 2025/26" }],
    ["term", "2026-04-08", [], { from: "2026-04-06", to: "2026-07-31", label: "Summer term 2025/26" }],
    ["year-to-date", "2026-01-15", TENANT, { from: "2025-09-01", to: "2026-01-15", label: "Year to date 2025/26" }],
    ["year-to-date", "2025-09-01", [], { from: "2025-09-01", to: "2025-09-01", label: "Year to date 2025/26" }],
    ["year-to-date", "2026-08-31", [], { from: "2025-09-01", to: "2026-08-31", label: "Year to date 2025/26" }],
    ["last-4-weeks", "2026-01-28", [], { from: "2026-01-01", to: "2026-01-28", label: "Last 4 weeks" }],
    ["last-4-weeks", "2024-03-10", [], { from: "2024-02-12", to: "2024-03-10", label: "Last 4 weeks" }],
  ] as const)("%s on %s", (kind, today, halfTerms, expected) => {
    expect(resolveWindow(kind, today, halfTerms)).toEqual(expected);
  });

  it("last 4 weeks is 28 days including today", () => {
    const w = resolveWindow("last-4-weeks", "2026-03-29", []);
    expect(daysBetween(w.from, w.to) + 1).toBe(28);
  });

  it("returns a custom range as given, with a readable label", () => {
    expect(resolveWindow("custom", "2026-01-15", [], { from: "2025-09-01", to: "2025-10-15" })).toEqual({
      from: "2025-09-01",
      to: "2025-10-15",
      label: "1 Sep 2025 to 15 Oct 2025",
    });
    expect(resolveWindow("custom", "2026-01-15", [], { from: "2025-09-01", to: "2025-09-01" }).from).toBe("2025-09-01");
  });

  it("rejects a bad custom range or a bad today", () => {
    expect(() => resolveWindow("custom", "2026-01-15", [])).toThrow(RangeError);
    expect(() => resolveWindow("custom", "2026-01-15", [], { from: "2025-10-02", to: "2025-10-01" })).toThrow(RangeError);
    expect(() => resolveWindow("custom", "2026-01-15", [], { from: "2025-02-30", to: "2025-10-01" })).toThrow(RangeError);
    expect(() => resolveWindow("term", "15/01/2026", [])).toThrow(RangeError);
    expect(() => resolveWindow("fortnight" as never, "2026-01-15", [])).toThrow(RangeError);
  });

  it("always contains today, September to July, with the default calendar", () => {
    for (const today of eachDay("2025-09-01", "2026-07-31")) {
      for (const kind of ["half-term", "term", "year-to-date", "last-4-weeks"] as const) {
        const w = resolveWindow(kind, today, []);
        expect(w.from <= today && today <= w.to).toBe(true);
      }
    }
  });
});
