import { COHORT_LABELS, COHORTS, percentValue, suppress, yearGroupLabel, type Measures } from "@/lib/attendance";
import type { ExportTable } from "@/lib/export";
import type { CohortDashboard } from "./cohort-dashboard";

// The dashboard's tables as exports. Files leave the system, so groups of fewer children than the
// tenant's suppression threshold show "c" in every figure, as shared reports must.

export const DASHBOARD_TABLES = ["cohorts", "schools", "years"] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

function figures(m: Measures, threshold: number) {
  if (suppress(m.children, threshold) === "c") {
    return { children: "c", attendance: "c", persistent: "c", persistentRate: "c", severe: "c", severeRate: "c" };
  }
  return {
    children: m.children,
    attendance: percentValue(m.attendanceRate),
    persistent: m.persistent,
    persistentRate: m.children ? percentValue(m.persistent / m.children) : null,
    severe: m.severe,
    severeRate: m.children ? percentValue(m.severe / m.children) : null,
  };
}

const COLUMNS = [
  { key: "children", label: "Children", kind: "number" as const },
  { key: "attendance", label: "Attendance (%)", kind: "percent" as const, decimals: 1 },
  { key: "persistent", label: "Persistently absent", kind: "number" as const },
  { key: "persistentRate", label: "Persistently absent (%)", kind: "percent" as const, decimals: 1 },
  { key: "severe", label: "Severely absent", kind: "number" as const },
  { key: "severeRate", label: "Severely absent (%)", kind: "percent" as const, decimals: 1 },
];

export function dashboardTable(d: CohortDashboard, which: DashboardTable, threshold: number): ExportTable {
  if (which === "cohorts") {
    return {
      title: `Cohorts, ${d.window.label}`,
      columns: [{ key: "group", label: "Cohort" }, ...COLUMNS],
      rows: COHORTS.map((k) => ({ group: COHORT_LABELS[k], ...figures(d.cohorts[k], threshold) })),
    };
  }
  if (which === "schools") {
    return {
      title: `By school, ${d.window.label}`,
      columns: [{ key: "group", label: "School" }, { key: "urn", label: "URN" }, ...COLUMNS],
      rows: d.schools.map((s) => ({ group: s.name ?? s.urn, urn: s.urn, ...figures(s.measures, threshold) })),
    };
  }
  return {
    title: `By year group, ${d.window.label}`,
    columns: [{ key: "group", label: "Year group" }, ...COLUMNS],
    rows: d.years.map((y) => ({ group: yearGroupLabel(y.year), ...figures(y.measures, threshold) })),
  };
}
