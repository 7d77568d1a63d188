// The gap report as a shared export: the same rows, the same rounding and the same suppression as the
// page. A suppressed group's cells hold "c" only; the table is built from GapTable, in which a small
// group carries no figures at all, so nothing else could leak.
import type { ExportCell, ExportTable } from "@/lib/export";
import { RATE_KEYS, RATE_LABELS, type GapRow, type GapTable } from "./gap-table";
import { percentValue, pointsValue } from "@/lib/attendance/rounding";

const SUPPRESSED = "c";

const RATE_COLUMN: Record<(typeof RATE_KEYS)[number], string> = {
  attendance: "Attendance rate (%)",
  pa: "Persistent absence rate (%)",
  sa: "Severe absence rate (%)",
};

function cells(row: GapRow): Record<string, ExportCell> {
  const out: Record<string, ExportCell> = { children: SUPPRESSED };
  for (const r of RATE_KEYS) {
    out[`${r}Rate`] = SUPPRESSED;
    out[`${r}Gap`] = SUPPRESSED;
    out[`${r}Distinct`] = SUPPRESSED;
  }
  const f = row.figures;
  if (!f) return out;
  out.children = f.children;
  for (const r of RATE_KEYS) {
    out[`${r}Rate`] = percentValue(f.rates[r]);
    out[`${r}Gap`] = pointsValue(f.gaps[r]);
    out[`${r}Distinct`] = f.gaps[r] === null ? null : f.distinct[r] ? "Yes" : "No";
  }
  return out;
}

export function gapExportTable(table: GapTable, window: { from: string; to: string; label: string }): ExportTable {
  const columns: ExportTable["columns"] = [
    { key: "characteristic", label: "Characteristic" },
    { key: "group", label: "Group" },
    { key: "children", label: "Children", kind: "number" },
    ...RATE_KEYS.flatMap((r) => [
      { key: `${r}Rate`, label: RATE_COLUMN[r], kind: "percent" as const, decimals: 1 },
      { key: `${r}Gap`, label: `${RATE_LABELS[r]} gap to all (points)`, kind: "number" as const, decimals: 1 },
      { key: `${r}Distinct`, label: `${RATE_LABELS[r]} distinct difference` },
    ]),
  ];
  const rows = [
    { characteristic: "All", group: table.all.label, ...cells(table.all) },
    ...table.sections.flatMap((s) => s.rows.map((row) => ({ characteristic: s.label, group: row.label, ...cells(row) }))),
  ];
  return { title: `Characteristic gaps ${window.label}`, columns, rows };
}
