import { neutralise } from "./neutralise";
import type { ExportCell, ExportColumn, ExportTable } from "./table";

// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes doubled.
// UTF-8 with a byte-order mark, so Excel opens names with accents and "£" correctly.
const BOM = "\uFEFF";

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cellText(value: ExportCell, column: ExportColumn): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    // A number is data, not text: it cannot carry a formula, and -3.4 must stay a number.
    if (!Number.isFinite(value)) return "";
    if (column.kind === "text" || column.kind === undefined) return neutralise(String(value));
    return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
  }
  return neutralise(value);
}

export function toCsv(table: ExportTable): string {
  const header = table.columns.map((c) => quote(neutralise(c.label))).join(",");
  const lines = table.rows.map((row) => table.columns.map((c) => quote(cellText(row[c.key] ?? null, c))).join(","));
  return `${BOM}${[header, ...lines].join("\r\n")}\r\n`;
}
