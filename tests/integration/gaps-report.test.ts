import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportChild, ReportEpisode, ReportMark } from "@/lib/attendance";
import { recordExport, toCsv, toXlsx } from "@/lib/export";
import { gapExportTable, gapReport, gapTrendOfYear, type GapTenant } from "@/lib/gaps";
import { buildReport } from "@/lib/reports";
import { withTenant } from "@/lib/db/tenant";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createTenant, insertReportData } from "../helpers/report-data";

// The gap report against a real database, with figures worked out by hand:
// one week (Mon 8 - Fri 12 September 2025 = 10 sessions), every child CIN.
//   8 girls:  F1 misses 2 sessions (PA), the others attend all 10  -> 78 / 80  = 97.5%, PA 1 of 8
//   6 boys:   each misses 2 sessions (all PA)                       -> 48 / 60  = 80%,   PA 6 of 6
//   2 sex U:  attend all 10                                         -> 20 / 20  = 100%  (suppressed: 2 < 6)
//   ALL 16 children                                                 -> 146 / 160 = 91.25%, PA 7 of 16 = 43.75%
// Gaps: girls +6.25 (distinct), boys -11.25 (distinct); PA girls 12.5 - 43.75 = -31.25, boys +56.25.

const DAYS = ["2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12"];
const FROM = DAYS[0]!;
const TO = DAYS[4]!;

function child(childId: string, sex: string, ethnicity: string | null = "WBRI"): ReportChild {
  return { childId, dateOfBirth: "2015-03-10", sex, ethnicity, sen: "N", fsm: false, eal: false };
}

function week(childId: string, absences: number, urn = "100001"): ReportMark[] {
  const marks: ReportMark[] = [];
  for (const date of DAYS)
    for (const session of ["AM", "PM"] as const) {
      const absent = marks.filter((m) => m.code === "O").length < absences;
      marks.push({ childId, date, session, schoolUrn: urn, code: absent ? "O" : session === "AM" ? "/" : "\\" });
    }
  return marks;
}

const girls = Array.from({ length: 8 }, (_, i) => child(`F${i + 1}`, "F"));
const boys = Array.from({ length: 6 }, (_, i) => child(`M${i + 1}`, "M", "BCRB"));
const unknown = [child("U1", "U", null), child("U2", "U", null)];
const children = [...girls, ...boys, ...unknown];
const episodes: ReportEpisode[] = children.map((c) => ({ childId: c.childId, status: "CIN", startDate: "2025-01-01", endDate: null }));
const marks = [...girls.flatMap((c, i) => week(c.childId, i === 0 ? 2 : 0)), ...boys.flatMap((c) => week(c.childId, 2)), ...unknown.flatMap((c) => week(c.childId, 0))];

describe("gap report", () => {
  let t: TestDb;
  let tenant: GapTenant;
  let other: GapTenant;

  beforeAll(async () => {
    t = await createTestDb();
    const id = await createTenant(t.raw, "gaps-a");
    await insertReportData(t.raw, id, { children, episodes, marks });
    tenant = { id, slug: "gaps-a", suppressionThreshold: 6 };
    // Another authority with very different figures, to show nothing crosses over.
    const otherId = await createTenant(t.raw, "gaps-b");
    const others = Array.from({ length: 9 }, (_, i) => child(`X${i}`, "M"));
    await insertReportData(t.raw, otherId, {
      children: others,
      episodes: others.map((c) => ({ childId: c.childId, status: "CLA", startDate: "2025-01-01", endDate: null })),
      marks: others.flatMap((c) => week(c.childId, 9)),
    });
    other = { id: otherId, slug: "gaps-b", suppressionThreshold: 6 };
  });
  afterAll(async () => t?.close());

  it("gives each group's rates and its gap to all children, from the engine's figures", async () => {
    const table = await gapReport({ raw: t.raw, tenant, from: FROM, to: TO, attribution: "ever" });
    expect(table.all.figures).toMatchObject({ children: 16, rates: { attendance: 146 / 160, pa: 7 / 16, sa: 0 } });
    const sex = table.sections.find((s) => s.key === "sex")!;
    expect(sex.rows.map((r) => r.key)).toEqual(["M", "F", "U"]);
    const [m, f, u] = sex.rows;
    expect(f!.figures!.children).toBe(8);
    expect(f!.figures!.rates.attendance).toBe(78 / 80);
    expect(f!.figures!.gaps.attendance).toBeCloseTo(6.25, 10);
    expect(f!.figures!.distinct).toEqual({ attendance: true, pa: true, sa: false });
    expect(m!.figures!.gaps.attendance).toBeCloseTo(-11.25, 10);
    expect(m!.figures!.gaps.pa).toBeCloseTo(56.25, 10);
    expect(m!.figures!.gaps.sa).toBe(0);
    // Exactly the threshold is shown: 6 boys.
    expect(m!.suppressed).toBe(false);
    // Two children: suppressed, and no figure of theirs is carried at all.
    expect(u).toMatchObject({ key: "U", label: "Unknown", suppressed: true, figures: null });

    // Same numbers as the engine's report for the same window.
    const report = await buildReport({ raw: t.raw, tenantId: tenant.id, tenantSlug: tenant.slug, from: FROM, to: TO, attribution: "ever" });
    for (const s of table.sections)
      for (const r of s.rows.filter((x) => x.figures)) {
        const m = report.characteristics[s.key][r.key]!;
        expect(r.figures!.children).toBe(m.children);
        expect(r.figures!.rates.attendance).toBe(m.attendanceRate);
        expect(r.figures!.rates.pa).toBe(m.persistent / m.children);
      }
  });

  it("reads a tenant's own threshold: with 7, the six boys are suppressed and nothing about them is distinct", async () => {
    const table = await gapReport({ raw: t.raw, tenant: { ...tenant, suppressionThreshold: 7 }, from: FROM, to: TO, attribution: "ever" });
    const sex = table.sections.find((s) => s.key === "sex")!;
    expect(sex.rows.find((r) => r.key === "M")).toMatchObject({ suppressed: true, figures: null });
    expect(sex.rows.find((r) => r.key === "F")!.figures!.distinct.attendance).toBe(true);
    const ethnicity = table.sections.find((s) => s.key === "ethnicity")!;
    expect(ethnicity.rows.map((r) => [r.key, r.suppressed])).toEqual([["White", false], ["Black", true], ["Unknown", true]]);
  });

  it("suppresses the whole report when all children together are fewer than the threshold", async () => {
    const table = await gapReport({ raw: t.raw, tenant: { ...tenant, suppressionThreshold: 20 }, from: FROM, to: TO, attribution: "ever" });
    expect(table.all.suppressed).toBe(true);
    expect(table.sections.every((s) => s.rows.every((r) => r.figures === null))).toBe(true);
  });

  it("sees only its own tenant's children", async () => {
    const a = await gapReport({ raw: t.raw, tenant, from: FROM, to: TO, attribution: "during" });
    expect(a.all.figures!.children).toBe(16);
    const b = await gapReport({ raw: t.raw, tenant: other, from: FROM, to: TO, attribution: "ever" });
    expect(b.all.figures).toMatchObject({ children: 9, rates: { attendance: 9 / 90, sa: 1 } });
    expect(b.sections.find((s) => s.key === "sex")!.rows.map((r) => r.key)).toEqual(["M"]);
  });

  it("exports the same rounded figures, with c in every cell of a suppressed group", async () => {
    const table = await gapReport({ raw: t.raw, tenant, from: FROM, to: TO, attribution: "ever" });
    const exported = gapExportTable(table, { from: FROM, to: TO, label: "8 Sep 2025 to 12 Sep 2025" });
    const csv = parse(toCsv(exported), { bom: true, columns: true }) as Record<string, string>[];
    const all = csv.find((r) => r.Characteristic === "All")!;
    expect(all).toMatchObject({ Children: "16", "Attendance rate (%)": "91.3", "Persistent absence rate (%)": "43.8", "Attendance gap to all (points)": "" });
    const girlsRow = csv.find((r) => r.Characteristic === "Sex" && r.Group === "Female")!;
    expect(girlsRow).toMatchObject({
      Children: "8",
      "Attendance rate (%)": "97.5",
      "Attendance gap to all (points)": "6.3",
      "Attendance distinct difference": "Yes",
      "Severe absence distinct difference": "No",
    });
    const boysRow = csv.find((r) => r.Characteristic === "Sex" && r.Group === "Male")!;
    expect(boysRow["Attendance gap to all (points)"]).toBe("-11.3");
    const unknownRows = csv.filter((r) => r.Group === "Unknown");
    expect(unknownRows).toHaveLength(2); // sex U and ethnicity Unknown
    for (const r of unknownRows) {
      const figures = Object.entries(r).filter(([k]) => k !== "Characteristic" && k !== "Group");
      expect(figures.every(([, v]) => v === "c")).toBe(true);
    }

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(exported)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const rowOf = (group: string) => {
      let found: unknown[] = [];
      ws.eachRow((row) => {
        const v = (row.values as unknown[]).slice(1);
        if (v[0] === "Sex" && v[1] === group) found = v;
      });
      return Object.fromEntries(header.map((h, i) => [h, found[i]]));
    };
    expect(rowOf("Female")).toMatchObject({ Children: 8, "Attendance rate (%)": 97.5, "Attendance gap to all (points)": 6.3 });
    expect(rowOf("Unknown")).toMatchObject({ Children: "c", "Attendance rate (%)": "c" });
  });

  it("trends the gaps term by term; terms that have not started have no figures", async () => {
    const trend = await gapTrendOfYear({ raw: t.raw, tenant, windowTo: TO, today: "2025-11-01", halfTerms: [], attribution: "ever" });
    expect(trend.academicYear).toBe(2025);
    expect(trend.terms.map((x) => [x.label, x.from, x.to, x.started])).toEqual([
      ["Autumn 2025/26", "2025-08-01", "2025-12-31", true],
      ["Spring 2025/26", "2026-01-01", "2026-04-05", false],
      ["Summer 2025/26", "2026-04-06", "2026-07-31", false],
    ]);
    const sex = trend.sections.find((s) => s.key === "sex")!;
    const f = sex.groups.find((g) => g.key === "F")!;
    expect(f.points.attendance[0]).toMatchObject({ suppressed: false, distinct: true, children: 8 });
    expect((f.points.attendance[0] as { gap: number }).gap).toBeCloseTo(6.25, 10);
    expect(f.points.attendance.slice(1)).toEqual([null, null]);
    expect(sex.groups.find((g) => g.key === "U")!.points.attendance[0]).toEqual({ suppressed: true });
  });

  it("audits an export with the table, the window and the row count, and no names", async () => {
    await recordExport({ tenantId: tenant.id, actor: "user-1", format: "xlsx", table: "gaps", from: FROM, to: TO, rows: 17 }, t.prisma);
    const events = await withTenant(tenant.id, (tx) => tx.auditEvent.findMany({ where: { tenantId: tenant.id } }), { prisma: t.prisma });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: "user-1",
      action: "export.xlsx",
      subjectType: "export",
      subjectId: "gaps",
      detail: { table: "gaps", from: FROM, to: TO, rows: 17 },
    });
  });
});
