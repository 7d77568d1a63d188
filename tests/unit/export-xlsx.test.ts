import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "@/lib/export/xlsx";
import type { ExportTable } from "@/lib/export/table";

async function read(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const TABLE: ExportTable = {
  title: "Characteristic gaps: 2026/27",
  columns: [
    { key: "group", label: "Group" },
    { key: "children", label: "Children", kind: "number" },
    { key: "rate", label: "Attendance rate (%)", kind: "percent" },
    { key: "gap", label: "Gap (points)", kind: "number" },
  ],
  rows: [
    { group: "White", children: 812, rate: 91.3, gap: -0.4 },
    { group: "Chinese", children: "c", rate: "c", gap: "c" },
    { group: "=HYPERLINK(\"http://evil.example\",\"x\")", children: 7, rate: null, gap: null },
    { group: "+1", children: 0, rate: 100, gap: 12.5 },
    { group: "-1", children: 1, rate: 0, gap: -100 },
    { group: "@SUM(1)", children: 1, rate: 0, gap: 0 },
    { group: "\t=1", children: 1, rate: 0, gap: 0 },
  ],
};

describe("toXlsx", () => {
  it("round-trips: one sheet, a bold header row, numbers as numbers, c as text", async () => {
    const wb = await read(await toXlsx(TABLE));
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    // ":" is not allowed in a sheet name.
    expect(ws.name).toBe("Characteristic gaps  2026 27");
    expect(ws.getRow(1).values).toEqual([undefined, "Group", "Children", "Attendance rate (%)", "Gap (points)"]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    const white = ws.getRow(2);
    expect(white.getCell(1).value).toBe("White");
    expect(white.getCell(2).value).toBe(812);
    expect(white.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(white.getCell(3).value).toBe(91.3);
    expect(white.getCell(4).value).toBe(-0.4);
    expect(white.getCell(4).type).toBe(ExcelJS.ValueType.Number);
    const chinese = ws.getRow(3);
    expect([2, 3, 4].map((c) => chinese.getCell(c).value)).toEqual(["c", "c", "c"]);
    expect(chinese.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(ws.rowCount).toBe(TABLE.rows.length + 1);
  });

  it("neutralises formula-like text and writes it as a text cell, never as a formula", async () => {
    const wb = await read(await toXlsx(TABLE));
    const ws = wb.worksheets[0]!;
    const firstColumn = [4, 5, 6, 7, 8].map((r) => ws.getRow(r).getCell(1));
    expect(firstColumn.map((c) => c.value)).toEqual([
      "'=HYPERLINK(\"http://evil.example\",\"x\")",
      "'+1",
      "'-1",
      "'@SUM(1)",
      "'\t=1",
    ]);
    for (const cell of firstColumn) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe("@");
    }
    // Missing figures are empty cells.
    expect(ws.getRow(4).getCell(3).value).toBeNull();
  });

  it("has no formula anywhere in the workbook", async () => {
    const wb = await read(await toXlsx(TABLE));
    let formulas = 0;
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)));
    expect(formulas).toBe(0);
  });

  it("names an untitled sheet Export and writes an empty table as a header row", async () => {
    const wb = await read(await toXlsx({ title: "///", columns: [{ key: "a", label: "A" }], rows: [] }));
    expect(wb.worksheets[0]!.name).toBe("Export");
    expect(wb.worksheets[0]!.rowCount).toBe(1);
  });
});
