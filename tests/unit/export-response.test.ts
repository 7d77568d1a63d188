import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportResponse, safeFilename } from "@/lib/export/response";
import { exportFormatOf } from "@/lib/export/send";
import type { ExportTable } from "@/lib/export/table";

const TABLE: ExportTable = { title: "T", columns: [{ key: "a", label: "A" }, { key: "n", label: "N", kind: "number" }], rows: [{ a: "=1", n: 2 }] };

describe("safeFilename", () => {
  it.each([
    ["gaps 2026-09-01 to 2026-12-18", "csv", "gaps-2026-09-01-to-2026-12-18.csv"],
    ['a"b\r\nContent-Type: x', "csv", "a-b-Content-Type-x.csv"],
    ["../../etc/passwd", "xlsx", "etc-passwd.xlsx"],
    ["Zoë's report", "xlsx", "Zoe-s-report.xlsx"],
    ["", "csv", "export.csv"],
    ["report.csv", "csv", "report.csv"],
  ] as const)("%j -> %j", (name, format, expected) => {
    expect(safeFilename(name, format)).toBe(expected);
  });
  it("caps the length", () => {
    expect(safeFilename("x".repeat(500), "csv")).toHaveLength(104);
  });
});

describe("exportResponse", () => {
  it("answers a CSV attachment that no cache keeps", async () => {
    const res = await exportResponse(TABLE, "csv", "gaps 2026");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="gaps-2026.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("'=1,2");
  });

  it("answers an XLSX attachment that exceljs reads back", async () => {
    const res = await exportResponse(TABLE, "xlsx", "gaps");
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="gaps.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe("'=1");
    expect(wb.worksheets[0]!.getRow(2).getCell(2).value).toBe(2);
  });
});

describe("exportFormatOf", () => {
  it("reads csv and xlsx and refuses anything else", () => {
    expect(exportFormatOf(new Request("http://x/e?format=csv"))).toBe("csv");
    expect(exportFormatOf(new Request("http://x/e?format=xlsx&window=term"))).toBe("xlsx");
    expect(() => exportFormatOf(new Request("http://x/e?format=pdf"))).toThrow(/csv or xlsx/);
    expect(() => exportFormatOf(new Request("http://x/e"))).toThrow();
  });
});
