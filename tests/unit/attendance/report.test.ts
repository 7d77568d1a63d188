import { describe, expect, it } from "vitest";
import type { Measures } from "@/lib/attendance/measures";
import {
  computeReport,
  type ReportChild,
  type ReportEpisode,
  type ReportInput,
  type ReportMark,
} from "@/lib/attendance/report";

/** Measures written out by hand: children, possible, attended, authorised, unauthorised, rate, PA, SA. */
function m(
  children: number,
  possible: number,
  attended: number,
  authorised: number,
  unauthorised: number,
  attendanceRate: number | null,
  persistent: number,
  severe: number,
): Measures {
  return { children, possible, attended, authorised, unauthorised, attendanceRate, persistent, severe };
}
const ZERO = m(0, 0, 0, 0, 0, null, 0, 0);

const DAYS = { mon: "2025-09-01", tue: "2025-09-02", wed: "2025-09-03", thu: "2025-09-04", fri: "2025-09-05" };

// Marks of one school: [day, AM code, PM code].
function marks(childId: string, schoolUrn: string, rows: [string, string, string][]): ReportMark[] {
  return rows.flatMap(([date, am, pm]) => [
    { childId, date, session: "AM" as const, schoolUrn, code: am },
    { childId, date, session: "PM" as const, schoolUrn, code: pm },
  ]);
}

const child = (childId: string, rest: Omit<ReportChild, "childId">): ReportChild => ({ childId, ...rest });
const ep = (childId: string, status: ReportEpisode["status"], startDate: string, endDate: string | null = null) => ({
  childId,
  status,
  startDate,
  endDate,
});

// Five school days, Monday 1 to Friday 5 September 2025 (academic year 2025/26).
// C1: CIN Mon-Tue, then CP from Wed (moves up mid-window).
// C2: CLA until Wed, adopted (PLAC) from Thu; dual registered, the second school marks D.
// C3: CIN on Thu only, KIN throughout; no possible session at all (one no-mark).
// C4: KIN from Tue only (not a child with a social worker); an old CP plan ended the day before the window.
// C5: no status at all. ZZ: marks of a child unknown to the tenant.
const INPUT: Omit<ReportInput, "attribution"> = {
  tenant: "shire",
  from: DAYS.mon,
  to: DAYS.fri,
  children: [
    // Listed out of order on purpose: the entries must come out sorted.
    child("C4", { dateOfBirth: "2016-01-15", sex: "U", ethnicity: "REFU", sen: "N", fsm: false, eal: false }),
    child("C1", { dateOfBirth: "2015-03-10", sex: "F", ethnicity: "WBRI", sen: "N", fsm: true, eal: false }),
    child("C2", { dateOfBirth: "2020-08-31", sex: "M", ethnicity: "AKPA", sen: "K", fsm: false, eal: true }),
    child("C3", { dateOfBirth: "2012-09-01", sex: "M", ethnicity: null, sen: "E", fsm: true, eal: false }),
    child("C5", { dateOfBirth: "2014-05-05", sex: "F", ethnicity: "BCRB", sen: "N", fsm: false, eal: false }),
  ],
  episodes: [
    ep("C1", "CIN", "2025-06-01", "2025-09-02"),
    ep("C1", "CP", "2025-09-03"),
    ep("C2", "CLA", "2024-01-01", "2025-09-03"),
    ep("C2", "PLAC", "2025-09-04"),
    ep("C3", "CIN", "2025-09-04", "2025-09-04"),
    ep("C3", "KIN", "2025-01-01"),
    ep("C4", "CP", "2025-01-01", "2025-08-31"),
    ep("C4", "KIN", "2025-09-02"),
    ep("ZZ", "CLA", "2025-01-01"),
  ],
  marks: [
    ...marks("C1", "100001", [
      ["2025-08-29", "O", "O"], // before the window: ignored
      [DAYS.mon, "/", "\\"],
      [DAYS.tue, "/", "N"],
      [DAYS.wed, "I", "I"],
      [DAYS.thu, "/", "\\"],
      [DAYS.fri, "-", "O"],
      ["2025-09-08", "O", "O"], // after the window: ignored
    ]),
    ...marks("C2", "100001", [
      [DAYS.mon, "/", "\\"],
      [DAYS.tue, "/", "\\"],
      [DAYS.wed, "/", "\\"],
      [DAYS.thu, "G", "\\"],
      [DAYS.fri, "/", "\\"],
    ]),
    ...marks("C2", "100002", [
      [DAYS.mon, "D", "D"],
      [DAYS.tue, "D", "D"],
    ]),
    { childId: "C3", date: DAYS.mon, session: "AM", schoolUrn: "100003", code: "-" },
    ...marks("C4", "100004", [
      [DAYS.mon, "/", "\\"],
      [DAYS.tue, "I", "I"],
    ]),
    ...marks("C5", "100005", [[DAYS.mon, "O", "O"]]),
    ...marks("ZZ", "100005", [[DAYS.mon, "O", "O"]]),
  ],
};

describe("computeReport, hand-computed example", () => {
  it("ever in window", () => {
    // Per child, all sessions of the window:
    //   C1: 9 possible, 5 attended, 2 authorised, 2 unauthorised (4 of 9 absent: PA, not SA), cohort CP
    //   C2: 10 possible (D not counted), 9 attended, 1 unauthorised (1 of 10: PA exactly), CLA + PLAC
    //   C3: 0 possible, CIN + KIN;  C4: 4 possible, 2 attended, 2 authorised (PA, SA at 50%), KIN
    const C1 = m(1, 9, 5, 2, 2, 5 / 9, 1, 0);
    const C2 = m(1, 10, 9, 0, 1, 0.9, 1, 0);
    const C4 = m(1, 4, 2, 2, 0, 0.5, 1, 1);
    expect(computeReport({ ...INPUT, attribution: "ever" })).toEqual({
      tenant: "shire",
      from: "2025-09-01",
      to: "2025-09-05",
      attribution: "ever",
      cohorts: {
        ALL: m(2, 19, 14, 2, 3, 14 / 19, 2, 0), // C1 + C2 + C3
        CIN: ZERO, // C3 only, who has no possible session
        CP: C1,
        CLA: C2,
        PLAC: C2,
        KIN: C4, // C3 + C4
      },
      characteristics: {
        sex: { F: C1, M: C2 }, // M: C2 + C3
        ethnicity: { White: C1, Asian: C2, Unknown: ZERO }, // AKPA -> Asian; C3 blank -> Unknown
        sen: { N: C1, K: C2, E: ZERO },
        fsm: { Y: C1, N: C2 },
        eal: { N: C1, Y: C2 },
        // C1 10 on 31 Aug 2025 -> Year 6; C2 born 31 Aug 2020 -> 5 -> Year 1; C3 born 1 Sep 2012 -> 12 -> Year 8
        yearGroup: { "6": C1, "1": C2, "8": ZERO },
      },
      children: [
        { childId: "C1", cohort: "CP", ...C1 },
        { childId: "C2", cohort: "CLA", ...C2 },
        { childId: "C2", cohort: "PLAC", ...C2 },
        { childId: "C3", cohort: "CIN", ...ZERO },
        { childId: "C3", cohort: "KIN", ...ZERO },
        { childId: "C4", cohort: "KIN", ...C4 },
      ],
    });
  });

  it("during status", () => {
    // Sessions by the status of their day:
    //   C1 CIN (Mon-Tue): 4 possible, 3 attended, 1 unauthorised (1 of 4: PA)
    //   C1 CP (Wed-Fri): 5 possible, 2 attended, 2 authorised, 1 unauthorised (3 of 5: PA, SA)
    //   C1 ALL = all 9 sessions (4 of 9 absent: PA, not SA)
    //   C2 CLA (Mon-Wed): 6 of 6 attended; PLAC (Thu-Fri): 3 of 4 (PA); ALL = CLA days only
    //   C3 CIN (Thu) and KIN: no possible session; C4 KIN (Tue-Fri): 2 authorised (Mon left out)
    const C1_ALL = m(1, 9, 5, 2, 2, 5 / 9, 1, 0);
    const C1_CIN = m(1, 4, 3, 0, 1, 0.75, 1, 0);
    const C1_CP = m(1, 5, 2, 2, 1, 0.4, 1, 1);
    const C2_CLA = m(1, 6, 6, 0, 0, 1, 0, 0);
    const C2_PLAC = m(1, 4, 3, 0, 1, 0.75, 1, 0);
    const C4_KIN = m(1, 2, 0, 2, 0, 0, 1, 1);
    expect(computeReport({ ...INPUT, attribution: "during" })).toEqual({
      tenant: "shire",
      from: "2025-09-01",
      to: "2025-09-05",
      attribution: "during",
      cohorts: {
        ALL: m(2, 15, 11, 2, 2, 11 / 15, 1, 0), // C1 all days + C2 Mon-Wed + C3 Thu
        CIN: C1_CIN, // + C3 with nothing
        CP: C1_CP,
        CLA: C2_CLA,
        PLAC: C2_PLAC,
        KIN: C4_KIN, // + C3 with nothing
      },
      characteristics: {
        sex: { F: C1_ALL, M: C2_CLA },
        ethnicity: { White: C1_ALL, Asian: C2_CLA, Unknown: ZERO },
        sen: { N: C1_ALL, K: C2_CLA, E: ZERO },
        fsm: { Y: C1_ALL, N: C2_CLA },
        eal: { N: C1_ALL, Y: C2_CLA },
        yearGroup: { "6": C1_ALL, "1": C2_CLA, "8": ZERO },
      },
      children: [
        { childId: "C1", cohort: "CIN", ...C1_CIN },
        { childId: "C1", cohort: "CP", ...C1_CP },
        { childId: "C2", cohort: "CLA", ...C2_CLA },
        { childId: "C2", cohort: "PLAC", ...C2_PLAC },
        { childId: "C3", cohort: "CIN", ...ZERO },
        { childId: "C3", cohort: "KIN", ...ZERO },
        { childId: "C4", cohort: "KIN", ...C4_KIN },
      ],
    });
  });

  it("lists entry keys in contract order", () => {
    const report = computeReport({ ...INPUT, attribution: "ever" });
    expect(Object.keys(report)).toEqual(["tenant", "from", "to", "attribution", "cohorts", "characteristics", "children"]);
    expect(Object.keys(report.cohorts)).toEqual(["ALL", "CIN", "CP", "CLA", "PLAC", "KIN"]);
    expect(Object.keys(report.characteristics)).toEqual(["sex", "ethnicity", "sen", "fsm", "eal", "yearGroup"]);
    expect(Object.keys(report.characteristics.ethnicity)).toEqual(["White", "Asian", "Unknown"]);
    expect(Object.keys(report.children[0]!)).toEqual([
      "childId",
      "cohort",
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

describe("computeReport, edge cases", () => {
  const base = { tenant: "t", from: "2025-09-01", to: "2025-09-07" };
  const kid = (childId: string, extra: Partial<ReportChild> = {}): ReportChild => ({
    childId,
    dateOfBirth: "2015-01-01",
    sex: "F",
    ethnicity: "WBRI",
    sen: "N",
    fsm: false,
    eal: false,
    ...extra,
  });

  it.each(["ever", "during"] as const)("has every cohort key and empty breakdowns with no data (%s)", (attribution) => {
    expect(computeReport({ ...base, attribution, children: [], episodes: [], marks: [] })).toEqual({
      tenant: "t",
      from: "2025-09-01",
      to: "2025-09-07",
      attribution,
      cohorts: { ALL: ZERO, CIN: ZERO, CP: ZERO, CLA: ZERO, PLAC: ZERO, KIN: ZERO },
      characteristics: { sex: {}, ethnicity: {}, sen: {}, fsm: {}, eal: {}, yearGroup: {} },
      children: [],
    });
  });

  it("counts a child with CIN, CP and CLA on the same days once, in CLA, under both attributions", () => {
    const input = {
      ...base,
      children: [kid("A")],
      episodes: [ep("A", "CIN", "2025-01-01"), ep("A", "CP", "2025-01-01"), ep("A", "CLA", "2025-01-01")],
      marks: marks("A", "100001", [["2025-09-01", "/", "O"]]),
    };
    for (const attribution of ["ever", "during"] as const) {
      const r = computeReport({ ...input, attribution });
      const one = m(1, 2, 1, 0, 1, 0.5, 1, 1);
      expect(r.cohorts).toEqual({ ALL: one, CIN: ZERO, CP: ZERO, CLA: one, PLAC: ZERO, KIN: ZERO });
      expect(r.children).toEqual([{ childId: "A", cohort: "CLA", ...one }]);
    }
  });

  it("keeps a child whose status falls on a weekend only (during), with no possible session", () => {
    const r = computeReport({
      ...base,
      attribution: "during",
      children: [kid("A")],
      episodes: [ep("A", "CP", "2025-09-06", "2025-09-07")],
      marks: marks("A", "100001", [["2025-09-05", "/", "\\"]]), // Friday: no status, left out
    });
    expect(r.cohorts.ALL).toEqual(ZERO);
    expect(r.cohorts.CP).toEqual(ZERO);
    expect(r.children).toEqual([{ childId: "A", cohort: "CP", ...ZERO }]);
    expect(r.characteristics.sex).toEqual({ F: ZERO });
  });

  it("sorts entries by plain string order of childId, then of cohort", () => {
    const r = computeReport({
      ...base,
      attribution: "ever",
      children: [kid("b"), kid("C10"), kid("C2"), kid("a")],
      episodes: [
        ep("C2", "KIN", "2025-01-01"),
        ep("C2", "PLAC", "2025-01-01"),
        ep("C2", "CLA", "2025-01-01"),
        ep("C10", "CIN", "2025-01-01"),
        ep("b", "CP", "2025-01-01"),
        ep("a", "CP", "2025-01-01"),
      ],
      marks: [],
    });
    expect(r.children.map((e) => `${e.childId}/${e.cohort}`)).toEqual([
      "C10/CIN",
      "C2/CLA",
      "C2/KIN",
      "C2/PLAC",
      "a/CP",
      "b/CP",
    ]);
  });

  it("takes the year group in the academic year in which the window ends", () => {
    const input = {
      ...base,
      attribution: "ever" as const,
      children: [kid("A", { dateOfBirth: "2020-08-31" })],
      episodes: [ep("A", "CIN", "2020-01-01")],
      marks: [],
    };
    expect(Object.keys(computeReport({ ...input, from: "2025-08-01", to: "2025-08-31" }).characteristics.yearGroup)).toEqual(["0"]);
    expect(Object.keys(computeReport({ ...input, from: "2025-08-01", to: "2025-09-01" }).characteristics.yearGroup)).toEqual(["1"]);
  });

  it("leaves PLAC- and KIN-only children out of ALL and the characteristics", () => {
    const r = computeReport({
      ...base,
      attribution: "ever",
      children: [kid("A"), kid("B", { sex: "M" })],
      episodes: [ep("A", "PLAC", "2020-01-01"), ep("B", "KIN", "2020-01-01")],
      marks: [...marks("A", "1", [["2025-09-01", "/", "\\"]]), ...marks("B", "1", [["2025-09-01", "/", "\\"]])],
    });
    expect(r.cohorts.ALL).toEqual(ZERO);
    expect(r.cohorts.PLAC).toEqual(m(1, 2, 2, 0, 0, 1, 0, 0));
    expect(r.cohorts.KIN).toEqual(m(1, 2, 2, 0, 0, 1, 0, 0));
    expect(r.characteristics.sex).toEqual({});
  });

  it("judges PA of a cohort on the sessions the cohort holds (during)", () => {
    // 20 school days of CIN with all present, then 2 days of CP both absent: PA and SA in CP only.
    const days: [string, string, string][] = [];
    for (let d = 1; d <= 22; d++) days.push([`2025-09-${String(d).padStart(2, "0")}`, d > 20 ? "O" : "/", d > 20 ? "O" : "\\"]);
    const r = computeReport({
      tenant: "t",
      from: "2025-09-01",
      to: "2025-09-22",
      attribution: "during",
      children: [kid("A")],
      episodes: [ep("A", "CIN", "2025-01-01", "2025-09-20"), ep("A", "CP", "2025-09-21")],
      marks: marks("A", "1", days),
    });
    expect(r.cohorts.CIN).toEqual(m(1, 40, 40, 0, 0, 1, 0, 0));
    expect(r.cohorts.CP).toEqual(m(1, 4, 0, 0, 4, 0, 1, 1));
    expect(r.cohorts.ALL).toEqual(m(1, 44, 40, 0, 4, 40 / 44, 0, 0)); // 4 of 44: under 10%
  });

  it("rejects an inverted or invalid window, and invalid codes inside it", () => {
    const empty = { children: [], episodes: [], marks: [], tenant: "t", attribution: "ever" as const };
    expect(() => computeReport({ ...empty, from: "2025-09-02", to: "2025-09-01" })).toThrow(RangeError);
    expect(() => computeReport({ ...empty, from: "2025-09-31", to: "2025-10-01" })).toThrow(RangeError);
    const input = {
      ...base,
      attribution: "ever" as const,
      children: [kid("A")],
      episodes: [ep("A", "CIN", "2020-01-01")],
    };
    expect(() => computeReport({ ...input, marks: marks("A", "1", [["2025-09-01", "/", "x"]]) })).toThrow(/Invalid register code/);
    // Outside the window the row is not looked at.
    expect(() => computeReport({ ...input, marks: marks("A", "1", [["2025-08-01", "/", "x"]]) })).not.toThrow();
  });

  it("accepts a one-day window", () => {
    const r = computeReport({
      tenant: "t",
      from: "2025-09-01",
      to: "2025-09-01",
      attribution: "during",
      children: [kid("A")],
      episodes: [ep("A", "CLA", "2025-09-01", "2025-09-01")],
      marks: marks("A", "1", [["2025-09-01", "/", "L"]]),
    });
    expect(r.cohorts.CLA).toEqual(m(1, 2, 2, 0, 0, 1, 0, 0));
  });
});
