import { describe, expect, it } from "vitest";
import { attendanceMarkRowSchema } from "@/lib/schemas/attendance-mark";
import { childRowSchema } from "@/lib/schemas/child";
import { rowIssues } from "@/lib/schemas/csv-fields";
import { statusEpisodeRowSchema } from "@/lib/schemas/status-episode";

// The row schemas shared by the import, forms and the command line: what they accept, and the exact
// words of each problem.

const issues = (r: { success: boolean; error?: unknown }) =>
  r.success ? [] : rowIssues((r as { error: Parameters<typeof rowIssues>[0] }).error).map((i) => `${i.column}: ${i.reason}`);

describe("childRowSchema", () => {
  const ok = { child_id: " C1 ", first_name: "Ann", last_name: "Smith", date_of_birth: "02/01/2015", sex: "f" };

  it("tidies a valid row: trims, upper-cases choices, reads British dates, fills defaults", () => {
    expect(childRowSchema.parse({ ...ok, upn: "", ethnicity: "wbri", fsm: "Y", team: "  " })).toEqual({
      childRef: "C1",
      upn: null,
      firstName: "Ann",
      lastName: "Smith",
      dateOfBirth: "2015-01-02",
      sex: "F",
      ethnicity: "WBRI",
      sen: "N",
      fsm: true,
      eal: false,
      team: null,
    });
  });

  it.each([
    [{ date_of_birth: "2999-01-01" }, "date_of_birth: date_of_birth 2999-01-01 is in the future"],
    [{ date_of_birth: "29/02/2023" }, "date_of_birth: 29/02/2023 is not a real date"],
    [{ upn: "r201100018042" }, "upn: Letters in a UPN must be capitals"],
    [{ upn: "A201100018042" }, "upn: Wrong check letter: the check letter should be R"],
    [{ sen: "x" }, 'sen: sen must be N, K, E or blank, not "x"'],
    [{ first_name: "x".repeat(101) }, "first_name: first_name is longer than 100 characters"],
    [{ last_name: undefined }, "last_name: last_name is required"],
  ])("rejects %o", (change, message) => {
    expect(issues(childRowSchema.safeParse({ ...ok, ...change }))).toEqual([message]);
  });
});

describe("statusEpisodeRowSchema", () => {
  it("accepts an episode of one day and an open one", () => {
    expect(statusEpisodeRowSchema.parse({ child_id: "C1", status: "cp", start_date: "2025-01-01", end_date: "01/01/2025" })).toEqual({
      childRef: "C1",
      status: "CP",
      startDate: "2025-01-01",
      endDate: "2025-01-01",
    });
    expect(statusEpisodeRowSchema.parse({ child_id: "C1", status: "KIN", start_date: "2025-01-01" }).endDate).toBeNull();
  });

  it("rejects an end before its start", () => {
    expect(issues(statusEpisodeRowSchema.safeParse({ child_id: "C1", status: "CLA", start_date: "2025-01-02", end_date: "2025-01-01" }))).toEqual([
      "end_date: end_date is before start_date",
    ]);
  });
});

describe("attendanceMarkRowSchema", () => {
  const ok = { upn: "R201100018042", school_urn: "100001", date: "2025-09-01", session: "pm", code: "\\" };

  it("accepts national, legacy and no-mark codes exactly as published", () => {
    for (const code of ["/", "\\", "L", "C1", "Y7", "#", "H", "-"]) {
      expect(attendanceMarkRowSchema.safeParse({ ...ok, code }).success).toBe(true);
    }
    expect(attendanceMarkRowSchema.parse(ok)).toMatchObject({ session: "PM", schoolName: null });
  });

  it.each([
    [{ code: "Z9" }, 'code: unknown register code "Z9"'],
    [{ code: "i" }, 'code: unknown register code "i"'],
    [{ code: " " }, "code: code is required (use - for no mark)"],
    [{ school_urn: "1000011" }, 'school_urn: school_urn must be 6 digits, not "1000011"'],
    [{ date: "2025/09/01" }, 'date: "2025/09/01" is not a date: use YYYY-MM-DD or DD/MM/YYYY'],
    [{ upn: "T20110001804V" }, null],
  ])("checks %o", (change, message) => {
    expect(issues(attendanceMarkRowSchema.safeParse({ ...ok, ...change }))).toEqual(message ? [message] : []);
  });
});
