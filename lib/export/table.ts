// The one shape every exportable table of the app is put in before it becomes a CSV or an Excel file.
// Builders fill it with figures that are already fit for sharing (suppressed where the report says so):
// the writers only encode, they never decide what may be shown.

export type ExportColumnKind = "text" | "number" | "percent";

export type ExportColumn = {
  key: string;
  label: string;
  /**
   * text (default): written as text, neutralised against formula injection.
   * number: a number cell (a string such as "c" in a number column stays text).
   * percent: a percentage in points, e.g. 91.3 for 91.3% (already rounded by the builder).
   */
  kind?: ExportColumnKind;
  /** Number and percent columns: the fixed number of decimals written (91 -> "91.0" with 1). */
  decimals?: number;
};

export type ExportCell = string | number | null;

export type ExportTable = {
  /** Shown as the sheet title and used in audit entries, e.g. "Characteristic gaps". */
  title: string;
  columns: ExportColumn[];
  rows: Record<string, ExportCell>[];
};

export type ExportFormat = "csv" | "xlsx";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "xlsx"];

export function isExportFormat(s: unknown): s is ExportFormat {
  return s === "csv" || s === "xlsx";
}
