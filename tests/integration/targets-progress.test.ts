import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportChild, ReportEpisode, ReportMark } from "@/lib/attendance";
import { withTenant } from "@/lib/db/tenant";
import { buildReport } from "@/lib/reports";
import { listTargets, targetProgress, termProgress } from "@/lib/targets";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createTenant, insertReportData } from "../helpers/report-data";

// Progress against targets, from the engine's figures for each term, on a week worked out by hand:
// Mon 8 - Fri 12 September 2025 (autumn term 2025/26), 10 sessions a child, all CIN.
//   12 children attend 10 of 10; 4 children attend 6 of 10 (PA).
//   ALL: 144 / 160 = 90% exactly; PA 4 of 16 = 25% exactly.

const DAYS = ["2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12"];
const children: ReportChild[] = Array.from({ length: 16 }, (_, i) => ({ childId: `C${i}`, dateOfBirth: "2014-01-01", sex: i % 2 ? "M" : "F", ethnicity: null, sen: "N", fsm: false, eal: false }));
const episodes: ReportEpisode[] = children.map((c) => ({ childId: c.childId, status: "CIN", startDate: "2025-01-01", endDate: null }));
const marks: ReportMark[] = children.flatMap((c, i) =>
  DAYS.flatMap((date, d) =>
    (["AM", "PM"] as const).map((session) => ({ childId: c.childId, date, session, schoolUrn: "100001", code: i < 4 && d < 2 ? "O" : session === "AM" ? "/" : "\\" })),
  ),
);

describe("progress against targets", () => {
  let t: TestDb;
  let tenant: { id: number; slug: string };
  let schoolId: number;

  beforeAll(async () => {
    t = await createTestDb();
    const id = await createTenant(t.raw, "progress");
    await insertReportData(t.raw, id, { children, episodes, marks });
    tenant = { id, slug: "progress" };
    schoolId = (await withTenant(id, (tx) => tx.school.findFirstOrThrow({ where: { tenantId: id } }), { prisma: t.prisma })).id;
    const target = (term: "AUTUMN" | "SPRING" | "SUMMER", cohort: "ALL" | "CIN" | "CP", attendanceRate: number, maxPersistentRate: number | null, school?: number) => ({
      tenantId: id, academicYear: 2025, term, cohort, attendanceRate, maxPersistentRate, schoolId: school ?? null,
    });
    await withTenant(id, (tx) =>
      tx.target.createMany({
        data: [
          target("AUTUMN", "ALL", 90, 25), // exactly met, both
          target("AUTUMN", "CIN", 90.01, 24.99), // just missed, both
          target("AUTUMN", "CP", 90, null), // nobody in CP: no data
          target("AUTUMN", "ALL", 95, null, schoolId), // a school's own target
          target("SPRING", "ALL", 92, 20),
        ],
      }),
    { prisma: t.prisma });
  });
  afterAll(async () => t?.close());

  it("during the term: on or off track, decided exactly, with the engine's term figures", async () => {
    const terms = await termProgress({ raw: t.raw, tenant, academicYear: 2025, halfTerms: [], today: "2025-10-01" });
    expect(terms.map((x) => [x.term, x.from, x.to, x.state])).toEqual([
      ["AUTUMN", "2025-08-01", "2025-12-31", "in-progress"],
      ["SPRING", "2026-01-01", "2026-04-05", "not-started"],
      ["SUMMER", "2026-04-06", "2026-07-31", "not-started"],
    ]);
    const report = await buildReport({ raw: t.raw, tenantId: tenant.id, tenantSlug: tenant.slug, from: "2025-08-01", to: "2025-12-31", attribution: "ever" });
    expect(terms[0]!.cohorts).toEqual(report.cohorts);
    expect(report.cohorts.ALL).toMatchObject({ children: 16, attended: 144, possible: 160, persistent: 4 });

    const progress = targetProgress(await listTargets(tenant.id, 2025, t.prisma), terms);
    const summary = progress.map((p) => [p.target.term, p.target.cohort, p.target.school ? "school" : "all", p.attendance, p.persistent]);
    expect(summary).toEqual([
      ["AUTUMN", "ALL", "all", "on-track", "on-track"],
      ["AUTUMN", "ALL", "school", "no-school-figures", null],
      ["AUTUMN", "CIN", "all", "off-track", "off-track"],
      ["AUTUMN", "CP", "all", "no-data", null],
      ["SPRING", "ALL", "all", "not-started", "not-started"],
    ]);
    expect(progress[0]!.measure).toEqual(report.cohorts.ALL);
  });

  it("after the term: met or missed", async () => {
    const terms = await termProgress({ raw: t.raw, tenant, academicYear: 2025, halfTerms: [], today: "2026-01-10" });
    expect(terms.map((x) => x.state)).toEqual(["finished", "in-progress", "not-started"]);
    const progress = targetProgress(await listTargets(tenant.id, 2025, t.prisma), terms);
    expect(progress.map((p) => [p.target.term, p.target.cohort, p.target.school ? "school" : "all", p.attendance, p.persistent])).toEqual([
      ["AUTUMN", "ALL", "all", "met", "met"],
      ["AUTUMN", "ALL", "school", "no-school-figures", null],
      ["AUTUMN", "CIN", "all", "missed", "missed"],
      ["AUTUMN", "CP", "all", "no-data", null],
      // Spring has started but holds no marks yet.
      ["SPRING", "ALL", "all", "no-data", "no-data"],
    ]);
  });

  it("uses the tenant's own term dates", async () => {
    const halfTerms = [
      { academicYear: 2025, term: "AUTUMN" as const, half: 1 as const, startDate: "2025-09-10", endDate: "2025-10-24" },
      { academicYear: 2025, term: "AUTUMN" as const, half: 2 as const, startDate: "2025-11-03", endDate: "2025-12-19" },
    ];
    const terms = await termProgress({ raw: t.raw, tenant, academicYear: 2025, halfTerms, today: "2025-10-01" });
    expect([terms[0]!.from, terms[0]!.to]).toEqual(["2025-09-10", "2025-12-19"]);
    // Wed 10 - Fri 12: 6 sessions each; the 4 absent children missed Mon and Tue only, so all attend.
    expect(terms[0]!.cohorts!.ALL).toMatchObject({ possible: 96, attended: 96, persistent: 0 });
  });
});
