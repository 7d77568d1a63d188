// The report as readable text tables, for a person at a terminal. Scripts use --json.
import {
  CHARACTERISTIC_KEYS,
  CHARACTERISTIC_LABELS,
  COHORT_LABELS,
  COHORTS,
  ETHNICITY_GROUP_LABELS,
  formatPercent,
  yearGroupLabel,
  type EthnicityGroup,
  type Measures,
  type ReportJson,
} from "@/lib/attendance";

const HEADINGS = ["", "Children", "Possible", "Attended", "Authorised", "Unauthorised", "Attendance", "PA", "SA"];

// The one rounding of lib/attendance, as the pages and exports show the same figures.
const percent = formatPercent;

function row(label: string, m: Measures): string[] {
  return [label, m.children, m.possible, m.attended, m.authorised, m.unauthorised, percent(m.attendanceRate), m.persistent, m.severe].map(String);
}

/** Columns padded to their widest cell; the first left-aligned, the others right-aligned. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ").trimEnd())
    .join("\n");
}

function groupLabel(key: (typeof CHARACTERISTIC_KEYS)[number], value: string): string {
  if (key === "ethnicity") return ETHNICITY_GROUP_LABELS[value as EthnicityGroup] ?? value;
  if (key === "yearGroup") return yearGroupLabel(Number(value));
  return value;
}

export function formatReport(report: ReportJson): string {
  const lines: string[] = [];
  lines.push(`Attendance report for ${report.tenant}, ${report.from} to ${report.to} (attribution: ${report.attribution})`);
  lines.push("PA = persistently absent (10% or more of possible sessions missed), SA = severely absent (50% or more).");
  lines.push("");
  lines.push(formatTable([HEADINGS, ...COHORTS.map((k) => row(`${k} ${COHORT_LABELS[k]}`, report.cohorts[k]))]));
  for (const key of CHARACTERISTIC_KEYS) {
    const groups = Object.entries(report.characteristics[key]);
    if (groups.length === 0) continue;
    lines.push("", `${CHARACTERISTIC_LABELS[key]} (children with a social worker)`);
    lines.push(formatTable([HEADINGS, ...groups.map(([value, m]) => row(groupLabel(key, value), m))]));
  }
  const noData = new Set(report.children.filter((c) => c.possible === 0).map((c) => c.childId));
  const listed = new Set(report.children.map((c) => c.childId));
  lines.push("", `${listed.size} child(ren) in a cohort of the window; ${noData.size} with no attendance data (no possible session) in a cohort.`);
  lines.push("Per-child figures: add --json.");
  return lines.join("\n");
}
