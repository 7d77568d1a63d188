import { z } from "zod";
import { attendanceRate, COHORT_LABELS, percentValue } from "@/lib/attendance";
import type { ExportTable } from "@/lib/export";
import { searchAndSort, type CaseloadRow, type CaseloadSort } from "./caseload";

// The caseload's search, flag filter and order, read from the URL: shared by the page and its export,
// so a download holds exactly the rows on screen (all pages of them).

export const caseloadQuerySchema = z.object({
  q: z.string().max(100).optional().catch(undefined),
  sort: z.enum(["name", "term", "year", "status", "school"]).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  flag: z.enum(["any", "pa", "sa", "falling"]).catch("any"),
  page: z.coerce.number().int().min(1).catch(1),
});
export type CaseloadQuery = z.infer<typeof caseloadQuerySchema>;

export function selectCaseloadRows(rows: CaseloadRow[], q: CaseloadQuery): CaseloadRow[] {
  const flagged = rows.filter((r) =>
    q.flag === "pa" ? r.summary.persistent : q.flag === "sa" ? r.summary.severe : q.flag === "falling" ? r.summary.flags.falling : true,
  );
  return searchAndSort(flagged, { q: q.q, sort: q.sort as CaseloadSort, dir: q.dir });
}

export function caseloadTable(rows: CaseloadRow[]): ExportTable {
  return {
    title: "Caseload",
    columns: [
      { key: "childId", label: "Child id" },
      { key: "name", label: "Name" },
      { key: "team", label: "Team" },
      { key: "status", label: "Status" },
      { key: "school", label: "School" },
      { key: "term", label: "Attendance this term (%)", kind: "percent", decimals: 1 },
      { key: "year", label: "Attendance year to date (%)", kind: "percent", decimals: 1 },
      { key: "persistent", label: "Persistently absent" },
      { key: "severe", label: "Severely absent" },
      { key: "falling", label: "Falling attendance" },
    ],
    rows: rows.map((r) => ({
      childId: r.childRef,
      name: r.name,
      team: r.team,
      status: r.statuses.map((s) => COHORT_LABELS[s]).join(", ") || "Ended",
      school: r.school,
      term: percentValue(attendanceRate(r.summary.term)),
      year: percentValue(attendanceRate(r.summary.year)),
      persistent: r.summary.persistent ? "Yes" : "No",
      severe: r.summary.severe ? "Yes" : "No",
      falling: r.summary.flags.falling ? "Yes" : "No",
    })),
  };
}
