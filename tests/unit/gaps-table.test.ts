import { describe, expect, it } from "vitest";
import { emptyMeasures, type Measures, type ReportJson } from "@/lib/attendance";
import { distinctDifferences, gapTable } from "@/lib/gaps/gap-table";
import { gapExportTable } from "@/lib/gaps/export-table";
import { toCsv } from "@/lib/export/csv";

function m(children: number, attended: number, possible: number, persistent = 0, severe = 0): Measures {
  return { children, possible, attended, authorised: possible - attended, unauthorised: 0, attendanceRate: possible ? attended / possible : null, persistent, severe };
}

function report(all: Measures, sex: Record<string, Measures>): ReportJson {
  const empty = emptyMeasures();
  return {
    tenant: "t",
    from: "2025-09-01",
    to: "2025-09-30",
    attribution: "ever",
    cohorts: { ALL: all, CIN: all, CP: empty, CLA: empty, PLAC: empty, KIN: empty },
    characteristics: { sex, ethnicity: {}, sen: {}, fsm: {}, eal: {}, yearGroup: {} },
    children: [],
  };
}

describe("gapTable", () => {
  it("a gap of exactly 5 points is distinct, just under is not (decided on counts)", () => {
    // ALL 900/1000 = 90%; F 850/1000 = 85% (exactly -5); M 851/1000 = 85.1%.
    const t = gapTable(report(m(20, 900, 1000), { F: m(10, 850, 1000), M: m(10, 851, 1000) }), 6);
    const [f, male] = [t.sections[0]!.rows.find((r) => r.key === "F")!, t.sections[0]!.rows.find((r) => r.key === "M")!];
    expect(f.figures!.distinct.attendance).toBe(true);
    expect(male.figures!.distinct.attendance).toBe(false);
    expect(distinctDifferences(t).map((d) => [d.row.key, d.rate])).toEqual([["F", "attendance"]]);
  });

  it("PA and SA rates are shares of children with a possible session, with their own gaps", () => {
    const t = gapTable(report(m(20, 900, 1000, 5, 1), { F: m(10, 450, 500, 4, 1) }), 6);
    const f = t.sections[0]!.rows[0]!.figures!;
    expect(f.rates).toEqual({ attendance: 0.9, pa: 0.4, sa: 0.1 });
    expect(f.gaps.pa).toBeCloseTo(15, 10);
    expect(f.distinct).toEqual({ attendance: false, pa: true, sa: true });
    expect(t.all.figures!.gaps).toEqual({ attendance: null, pa: null, sa: null });
  });

  it("a group with no child with a possible session is suppressed like a small one", () => {
    const t = gapTable(report(m(20, 900, 1000), { U: emptyMeasures() }), 6);
    expect(t.sections[0]!.rows[0]).toMatchObject({ suppressed: true, figures: null, label: "Unknown" });
  });

  it("exports one line per group and a header, a suppressed group as c throughout", () => {
    const t = gapTable(report(m(20, 900, 1000), { F: m(15, 850, 1000), U: m(5, 50, 100) }), 6);
    const lines = toCsv(gapExportTable(t, { from: "2025-09-01", to: "2025-09-30", label: "September" })).trim().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("Sex,Unknown,c,c,c,c,c,c,c,c,c,c");
    expect(lines[2]).toBe("Sex,Female,15,85.0,-5.0,Yes,0.0,0.0,No,0.0,0.0,No");
  });
});
