import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { emptyMeasures, fallingFlags, type Counts, type Measures } from "@/lib/attendance";
import { caseloadTable } from "@/lib/children/caseload-query";
import type { CaseloadRow } from "@/lib/children/caseload";
import type { CohortDashboard } from "@/lib/dashboard/cohort-dashboard";
import { dashboardTable } from "@/lib/dashboard/export-tables";
import { toCsv, type ExportTable } from "@/lib/export";
import { percent, rateOf } from "@/components/format";

// A page and the file downloaded from it show the same figure: the screen's formatter and each export's
// cell, for the same counts. 201 of 400 (50.25%) is the case that told them apart: 50.3% on screen,
// 50.2 in the file, when the exports rounded on their own.

const counts = (attended: number, possible: number): Counts => ({ possible, attended, authorised: 0, unauthorised: possible - attended, noMark: 0 });

function caseloadRow(c: Counts): CaseloadRow {
  return {
    childId: 1,
    childRef: "C1",
    name: "Ann Smith",
    team: null,
    statuses: ["CIN"],
    school: null,
    upn: null,
    summary: { childId: 1, term: c, year: c, last4: c, weekAgo: c, persistent: false, severe: false, flags: fallingFlags({ yearToDate: c, last4Weeks: c, current: c }) },
  };
}

/** The table's one data row as the CSV file writes it, by column label. */
function csvRow(table: ExportTable): Record<string, string> {
  return (parse(toCsv(table).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[])[0]!;
}

const screen = (rate: number | null) => percent(rate).replace(/%$/, "");

// Attended and possible sessions; the rates of true halves are the ones float error rounds both ways.
const cases: [number, number][] = [
  [201, 400],
  [199, 400],
  [1, 8],
  [146, 160],
  [7, 16],
  [1, 3],
  [2, 3],
  [0, 380],
  [380, 380],
];
const anyCounts = fc.integer({ min: 1, max: 2000 }).chain((possible) => fc.tuple(fc.integer({ min: 0, max: possible }), fc.constant(possible)));

describe("a percentage on screen and in its export", () => {
  it("201 of 400 is 50.3% on the caseload and in its download", () => {
    const c = counts(201, 400);
    expect(rateOf(c)).toBe("50.3%");
    expect(csvRow(caseloadTable([caseloadRow(c)]))).toMatchObject({ "Attendance this term (%)": "50.3", "Attendance year to date (%)": "50.3" });
  });

  it.each(cases)("caseload: %d of %d", (attended, possible) => {
    const c = counts(attended, possible);
    const row = csvRow(caseloadTable([caseloadRow(c)]));
    expect(row["Attendance year to date (%)"]).toBe(rateOf(c).replace(/%$/, ""));
  });

  it("caseload, any counts", () => {
    fc.assert(
      fc.property(anyCounts, ([attended, possible]) => {
        const c = counts(attended, possible);
        expect(csvRow(caseloadTable([caseloadRow(c)]))["Attendance year to date (%)"]).toBe(rateOf(c).replace(/%$/, ""));
      }),
    );
  });

  function dashboardRow(m: Measures): Record<string, string> {
    const cohorts = { ALL: m, CIN: m, CP: emptyMeasures(), CLA: emptyMeasures(), PLAC: emptyMeasures(), KIN: emptyMeasures() };
    const d = { window: { from: "2025-09-01", to: "2026-06-05", label: "Year to date" }, cohorts } as Pick<CohortDashboard, "window" | "cohorts"> as CohortDashboard;
    return csvRow(dashboardTable(d, "cohorts", 1));
  }

  it.each(cases)("dashboard cohorts: %d of %d sessions, and shares of children", (attended, possible) => {
    // The same numbers as sessions attended and as children persistently / severely absent.
    const m: Measures = { ...emptyMeasures(), children: possible, possible, attended, attendanceRate: attended / possible, persistent: attended, severe: attended };
    expect(dashboardRow(m)).toMatchObject({
      "Attendance (%)": screen(m.attendanceRate),
      "Persistently absent (%)": screen(m.persistent / m.children),
      "Severely absent (%)": screen(m.severe / m.children),
    });
  });

  it("dashboard, any counts", () => {
    fc.assert(
      fc.property(anyCounts, ([attended, possible]) => {
        const m: Measures = { ...emptyMeasures(), children: possible, possible, attended, attendanceRate: attended / possible, persistent: attended, severe: attended };
        expect(dashboardRow(m)["Attendance (%)"]).toBe(screen(m.attendanceRate));
        expect(dashboardRow(m)["Persistently absent (%)"]).toBe(screen(m.persistent / m.children));
      }),
    );
  });
});

