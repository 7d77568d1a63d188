import { describe, expect, it } from "vitest";
import { marksOfDays } from "@/lib/children/child-record";

// The child's page lists register marks a session to a row; the register keeps a day to a row
// (AttendanceDay). The order the page had when marks were read a session to a row: by date, AM before
// PM, then by URN.
describe("marksOfDays", () => {
  const day = (date: string, urn: string, am: string | null, pm: string | null) => ({ date, urn, am, pm, name: `School ${urn}` });

  it("lists a day's AM then PM mark, and leaves out a session without one", () => {
    const marks = marksOfDays([day("2025-09-01", "100001", "/", "N"), day("2025-09-02", "100001", null, "\\"), day("2025-09-03", "100001", "I", null)]);
    expect(marks.map((m) => `${m.date} ${m.session} ${m.code}`)).toEqual([
      "2025-09-01 AM /",
      "2025-09-01 PM N",
      "2025-09-02 PM \\",
      "2025-09-03 AM I",
    ]);
    expect(marks.map((m) => m.category)).toEqual(["present", "unauthorised", "present", "authorised"]);
  });

  it("puts both schools' AM marks before their PM marks on a day of dual registration", () => {
    const marks = marksOfDays([day("2025-09-01", "100001", "/", "/"), day("2025-09-01", "100002", "D", "D"), day("2025-09-02", "100002", "D", null)]);
    expect(marks.map((m) => `${m.date} ${m.session} ${m.urn}`)).toEqual([
      "2025-09-01 AM 100001",
      "2025-09-01 AM 100002",
      "2025-09-01 PM 100001",
      "2025-09-01 PM 100002",
      "2025-09-02 AM 100002",
    ]);
  });
});
