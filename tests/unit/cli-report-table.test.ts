import { describe, expect, it } from "vitest";
import { COHORTS, CHARACTERISTIC_KEYS, formatPercent, type Measures, type ReportJson } from "@/lib/attendance";
import { formatReport } from "@/lib/cli/report-table";

// The command line's text report rounds through lib/attendance's one function, as the pages and
// exports do: 201 of 400 sessions attended is 50.3% everywhere (a float's toFixed gave 50.2%).
describe("report without --json", () => {
  it("shows 201 of 400 as 50.3%, the figure of every page and export", () => {
    const m: Measures = { children: 1, possible: 400, attended: 201, authorised: 100, unauthorised: 99, attendanceRate: 201 / 400, persistent: 1, severe: 0 };
    const report: ReportJson = {
      tenant: "t",
      from: "2025-09-01",
      to: "2025-12-19",
      attribution: "ever",
      cohorts: Object.fromEntries(COHORTS.map((k) => [k, m])) as ReportJson["cohorts"],
      characteristics: Object.fromEntries(CHARACTERISTIC_KEYS.map((k) => [k, {}])) as unknown as ReportJson["characteristics"],
      children: [],
    };
    expect(formatPercent(201 / 400)).toBe("50.3%");
    expect(formatReport(report)).toContain("50.3%");
    expect(formatReport(report)).not.toContain("50.2%");
  });
});
