import ExcelJS from "exceljs";
import { neutralise } from "./neutralise";
import type { ExportCell, ExportColumn, ExportTable } from "./table";

// An Excel workbook of one sheet: a bold header row, numbers as number cells (percentages in points
// with one decimal), everything else as text cells. Text that could be read as a formula is
// neutralised as in the CSV and written as a string value, never as a formula.

function sheetName(title: string): string {
  // Excel: at most 31 characters, none of []:*?/\ .
  const clean = title.replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31);
  return clean || "Export";
}

function numberFormat(c: ExportColumn): string {
  if (c.decimals === undefined) return c.kind === "percent" ? "0.0" : "General";
  return c.decimals > 0 ? `0.${"0".repeat(c.decimals)}` : "0";
}

function cellValue(value: ExportCell, column: ExportColumn): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return column.kind === "number" || column.kind === "percent" ? value : neutralise(String(value));
  }
  return neutralise(value);
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Virtual School Attendance";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    key: c.key,
    width: Math.min(40, Math.max(10, c.label.length + 2)),
    style: c.kind === "percent" || c.kind === "number" ? { numFmt: numberFormat(c) } : {},
  }));
  const header = sheet.addRow(table.columns.map((c) => neutralise(c.label)));
  header.font = { bold: true };
  for (const row of table.rows) {
    const values = table.columns.map((c) => cellValue(row[c.key] ?? null, c));
    const added = sheet.addRow(values);
    // exceljs writes a JS string as a string cell, never as a formula. Strings also get the text
    // number format "@", so a "c" in a number column, or a neutralised '=..., stays text when edited.
    added.eachCell((cell, col) => {
      if (typeof values[col - 1] === "string") {
        cell.numFmt = "@";
        cell.alignment = { horizontal: "left" };
      }
    });
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
