import { toCsv } from "@/lib/export/csv";
import type { RejectedRow } from "./types";

/** The rejected rows of an import as a CSV file to download: line,column,reason. */
export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  return toCsv({
    title: "Rejected rows",
    columns: [
      { key: "line", label: "line", kind: "number" },
      { key: "column", label: "column" },
      { key: "reason", label: "reason" },
    ],
    rows: rows.map((r) => ({ line: r.line, column: r.column, reason: r.reason })),
  });
}
