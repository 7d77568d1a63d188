import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, countCodes, dayCohorts, everCohorts, groupMeasures, isSocialWorkerStatus, type Counts, type ReportMark } from "@/lib/attendance";
import { withTenantRaw } from "@/lib/db/tenant";
import { selectChildSummaries } from "@/lib/children/summaries";
import { bySchool } from "@/lib/dashboard/breakdowns";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createTenant, insertReportData } from "../helpers/report-data";
import { dataArb, day, type Generated } from "../helpers/report-arbitraries";

// The dashboard and caseload figures read the running day totals (ChildDayTotal); here they are held,
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
});
