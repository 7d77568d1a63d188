import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, COHORTS, countCodes, dayOfWeek, dayCohorts, everCohorts, groupMeasures, isSocialWorkerStatus, type Counts, type ReportMark } from "@/lib/attendance";
import { withTenantRaw } from "@/lib/db/tenant";
import { selectChildSummaries } from "@/lib/children/summaries";
import { bySchool } from "@/lib/dashboard/breakdowns";
import { storeTrend, weeklyTrend } from "@/lib/reports/weekly-trend";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createTenant, insertReportData } from "../helpers/report-data";
import { dataArb, day, type Generated } from "../helpers/report-arbitraries";

// The dashboard and caseload figures read the running day totals (AttendanceDay); here they are held,
// session for session, to counts made in memory straight from the marks.

function counts(marks: readonly ReportMark[], from: string, to: string): Counts {
  return countCodes(marks.filter((m) => m.date >= from && m.date <= to).map((m) => m.code));
}

describe("dashboard figures equal counts made from the marks", () => {
  let t: TestDb;
  let run = 0;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.close());

  it("each child's year, term, last 4 weeks and a-week-ago counts", async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.integer({ min: 0, max: 45 }), async (data: Generated, asOfOffset) => {
        const tenantId = await createTenant(t.raw, `dash-${++run}`);
        const ids = await insertReportData(t.raw, tenantId, data);
        const w = { yearFrom: day(2), termFrom: day(10), termTo: day(30), asOf: day(asOfOffset) };
        const got = await withTenantRaw(t.raw, tenantId, (tx) => selectChildSummaries(tx, tenantId, w, [...ids.values()]));
        for (const [ref, id] of ids) {
          const mine = data.marks.filter((m) => m.childId === ref);
          const s = got.get(id)!;
          expect(s.year).toEqual(counts(mine, w.yearFrom, w.asOf));
          expect(s.term).toEqual(counts(mine, w.termFrom, w.termTo < w.asOf ? w.termTo : w.asOf));
          expect(s.last4).toEqual(counts(mine, addDays(w.asOf, -27), w.asOf));
          expect(s.weekAgo).toEqual(counts(mine, w.yearFrom, addDays(w.asOf, -7)));
        }
      }),
      { numRuns: 20 },
    );
  });

  it("the breakdown by school, under both attributions", async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.integer({ min: -5, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom("ever" as const, "during" as const), async (data: Generated, a, n, attribution) => {
        const tenantId = await createTenant(t.raw, `dash-${++run}`);
        await insertReportData(t.raw, tenantId, data);
        const from = day(a);
        const to = day(a + n);
        const got = await withTenantRaw(t.raw, tenantId, (tx) => bySchool(tx, tenantId, { from, to }, attribution, "ALL"));
        // In memory: the marks of each child and school on the days ALL holds (ever: the whole window
        // for a child with a social worker status in it; during: the days with one).
        const perSchool = new Map<string, Counts[]>();
        for (const child of data.children) {
          const eps = data.episodes.filter((e) => e.childId === child.childId);
          const held = (d: string) =>
            attribution === "ever" ? everCohorts(eps, from, to).some(isSocialWorkerStatus) : dayCohorts(eps, d).some(isSocialWorkerStatus);
          const marks = data.marks.filter((m) => m.childId === child.childId && m.date >= from && m.date <= to && held(m.date));
          for (const urn of new Set(marks.map((m) => m.schoolUrn))) {
            perSchool.set(urn, [...(perSchool.get(urn) ?? []), countCodes(marks.filter((m) => m.schoolUrn === urn).map((m) => m.code))]);
          }
        }
        const expected = [...perSchool.entries()]
          .map(([urn, list]) => ({ urn, measures: groupMeasures(list) }))
          .filter((s) => s.measures.possible > 0)
          .sort((x, y) => x.urn.localeCompare(y.urn));
        expect(got.map((s) => ({ urn: s.urn, measures: s.measures })).sort((x, y) => x.urn.localeCompare(y.urn))).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });

  it("the weekly trend: each week's attendance and the share persistently absent since the start of the year", async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.integer({ min: -3, max: 20 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom(...COHORTS), async (data: Generated, a, n, cohort) => {
        const tenantId = await createTenant(t.raw, `dash-${++run}`);
        const ids = await insertReportData(t.raw, tenantId, data);
        const yearFrom = day(a);
        const asOf = day(a + n);
        const got = await withTenantRaw(t.raw, tenantId, (tx) => weeklyTrend(tx, tenantId, yearFrom, asOf, cohort, cohort === "CP" ? [...ids.values()] : undefined));
        // In memory: the cohort's children under "ever" over the year so far; week by week from the
        // Monday on or before the start of the year, each week cut to the year and to asOf.
        const members = data.children.filter((c) => {
          const held = everCohorts(data.episodes.filter((e) => e.childId === c.childId), yearFrom, asOf);
          return cohort === "ALL" ? held.some(isSocialWorkerStatus) : held.includes(cohort);
        });
        const expected = [];
        for (let monday = addDays(yearFrom, -((dayOfWeek(yearFrom) + 6) % 7)); monday <= asOf; monday = addDays(monday, 7)) {
          const from = monday < yearFrom ? yearFrom : monday;
          const to = addDays(monday, 6) < asOf ? addDays(monday, 6) : asOf;
          const week = members.map((c) => counts(data.marks.filter((m) => m.childId === c.childId), from, to));
          const year = members.map((c) => counts(data.marks.filter((m) => m.childId === c.childId), yearFrom, to));
          const possible = week.reduce((s, c) => s + c.possible, 0);
          const attended = week.reduce((s, c) => s + c.attended, 0);
          if (possible + week.reduce((s, c) => s + c.noMark, 0) === 0) continue;
          const children = year.filter((c) => c.possible > 0).length;
          const persistent = year.filter((c) => c.possible > 0 && (c.authorised + c.unauthorised) * 10 >= c.possible).length;
          expected.push({ weekStart: monday, attendance: possible ? attended / possible : null, persistentShare: children ? persistent / children : null, children });
        }
        expect(got).toEqual(expected);
        // Stored at import for every cohort (no filter), and read back the same.
        const stored = await withTenantRaw(t.raw, tenantId, async (tx) => {
          await storeTrend(tx, tenantId, yearFrom, asOf);
          const marker = await tx.query(`SELECT 1 FROM "StoredTrend" WHERE "tenantId" = $1`, [tenantId]);
          expect(marker.rows).toHaveLength(1);
          return weeklyTrend(tx, tenantId, yearFrom, asOf, cohort);
        });
        expect(stored).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it("the trend counts a child who missed exactly 10% of the year's sessions as persistently absent", async () => {
    // One child on a CIN plan: Monday 1 September to Friday 12 September 2025, 20 sessions; absent (I)
    // on two sessions of the first week: 2 of 10 sessions by its end (20%), 2 of 20 by the second (10%).
    const marks: ReportMark[] = [];
    for (let i = 0; i < 12; i++) {
      const date = addDays("2025-09-01", i);
      if (dayOfWeek(date) === 0 || dayOfWeek(date) === 6) continue;
      for (const session of ["AM", "PM"] as const) {
        marks.push({ childId: "C1", date, session, schoolUrn: "100001", code: date === "2025-09-02" ? "I" : "/" });
      }
    }
    const data: Generated = {
      children: [{ childId: "C1", dateOfBirth: "2015-01-01", sex: "F", ethnicity: "WBRI", sen: "N", fsm: false, eal: false }],
      episodes: [{ childId: "C1", status: "CIN", startDate: "2025-06-01", endDate: null }],
      marks,
    };
    const tenantId = await createTenant(t.raw, `dash-${++run}`);
    await insertReportData(t.raw, tenantId, data);
    const got = await withTenantRaw(t.raw, tenantId, (tx) => weeklyTrend(tx, tenantId, "2025-09-01", "2025-09-12", "ALL"));
    expect(got).toEqual([
      { weekStart: "2025-09-01", attendance: 8 / 10, persistentShare: 1, children: 1 },
      { weekStart: "2025-09-08", attendance: 1, persistentShare: 1, children: 1 },
    ]);
  });
});
