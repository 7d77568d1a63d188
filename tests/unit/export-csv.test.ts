import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/export/csv";
import { neutralise, needsNeutralising } from "@/lib/export/neutralise";
import type { ExportTable } from "@/lib/export/table";

const table = (rows: ExportTable["rows"], columns?: ExportTable["columns"]): ExportTable => ({
  title: "Test",
  columns: columns ?? [
    { key: "name", label: "Name" },
    { key: "n", label: "Children", kind: "number" },
    { key: "rate", label: "Attendance rate (%)", kind: "percent" },
  ],
  rows,
});

describe("neutralise", () => {
  it.each(["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil\")"])("prefixes %j with a quote", (s) => {
    expect(needsNeutralising(s)).toBe(true);
    expect(neutralise(s)).toBe(`'${s}`);
  });
  it.each(["", "Smith", "c", "1-2", "a=b", " =1", "'already"])("leaves %j alone", (s) => {
    expect(neutralise(s)).toBe(s);
  });
});

describe("toCsv", () => {
  it("starts with a UTF-8 byte-order mark, a header row and CRLF line ends", () => {
    const csv = toCsv(table([{ name: "Zoë", n: 12, rate: 91.3 }]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe("\uFEFFName,Children,Attendance rate (%)\r\nZoë,12,91.3\r\n");
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes fields with commas, quotes and line breaks (RFC 4180) and reads back unchanged", () => {
    const names = ['St Mary\'s, "Upper"', "line\nbreak", "cr\r\nlf", "plain"];
    const csv = toCsv(table(names.map((name, i) => ({ name, n: i, rate: null }))));
    expect(csv).toContain('"St Mary\'s, ""Upper"""');
    const back = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(back.map((r) => r.Name)).toEqual(names);
    expect(back.map((r) => r.Children)).toEqual(["0", "1", "2", "3"]);
    expect(back.every((r) => r["Attendance rate (%)"] === "")).toBe(true);
  });

  it("neutralises text that a spreadsheet would run as a formula, in cells and in headers", () => {
    const evil = ["=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(1,1)", "\t=1", "\r=1"];
    const csv = toCsv(
      table(
        evil.map((name) => ({ name, n: 1, rate: 50 })),
        [
          { key: "name", label: "=Name" },
          { key: "n", label: "N", kind: "number" },
          { key: "rate", label: "R", kind: "percent" },
        ],
      ),
    );
    const back = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(back[0]![0]).toBe("'=Name");
    expect(back.slice(1).map((r) => r[0])).toEqual(evil.map((e) => `'${e}`));
    // No data line starts with a formula trigger.
    for (const r of back.slice(1)) expect(r[0]).toMatch(/^'/);
  });

  it("writes negative numbers as numbers, but neutralises a negative-looking string", () => {
    const csv = toCsv(
      table([{ name: "-5", n: -3.4, rate: -0.5 }]),
    );
    expect(csv.split("\r\n")[1]).toBe("'-5,-3.4,-0.5");
  });

  it("writes a fixed number of decimals where a column asks for them", () => {
    const csv = toCsv(table([{ name: "x", n: 85, rate: -5 }], [
      { key: "name", label: "Name" },
      { key: "n", label: "N", kind: "percent", decimals: 1 },
      { key: "rate", label: "R", kind: "number", decimals: 2 },
    ]));
    expect(csv.split("\r\n")[1]).toBe("x,85.0,-5.00");
  });

  it("writes suppressed figures as the letter c and missing ones as empty", () => {
    const csv = toCsv(table([{ name: "Chinese", n: "c", rate: "c" }, { name: "Other", n: null, rate: null }]));
    expect(csv.split("\r\n").slice(1, 3)).toEqual(["Chinese,c,c", "Other,,"]);
  });

  it("treats a missing key like null and non-finite numbers as empty", () => {
    const csv = toCsv(table([{ name: "x", n: Number.NaN }]));
    expect(csv.split("\r\n")[1]).toBe("x,,");
  });
});
