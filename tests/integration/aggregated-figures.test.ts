import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTRIBUTIONS, computeReport, type ReportMark } from "@/lib/attendance";
import { withTenantRaw } from "@/lib/db/tenant";
import { cohortMeasures, selectChildCounts, selectCharacteristicFigures, selectCohortMeasures } from "@/lib/reports";
import { storeWindows } from "@/lib/reports/stored-windows";
import { dataArb, day, windowsArb } from "../helpers/report-arbitraries";
import { createTenant, insertReportData } from "../helpers/report-data";
import { createTestDb, type TestDb } from "../helpers/test-db";

// The figures the database sums itself (selectCohortMeasures, selectCharacteristicFigures) must be the
// reference report's, on any data and window, live and from a stored window; and the thresholds must
// fall exactly where the domain puts them (10% and 50% of the child's own possible sessions).

describe("figures summed by the database", () => {
  let t: TestDb;
  let run = 0;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.close());

  it("equal the reference report's cohorts and characteristics, live and stored, under both attributions", async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, windowsArb, async (data, windows) => {
        const slug = `agg-${++run}`;
        const tenantId = await createTenant(t.raw, slug);
        const ids = [...(await insertReportData(t.raw, tenantId, data)).values()];
        const some = ids.filter((_, i) => i % 2 === 1);
        for (const window of windows) {
          for (const stored of [false, true]) {
            if (stored) await withTenantRaw(t.raw, tenantId, (tx) => storeWindows(tx, tenantId, [window]));
            for (const attribution of ATTRIBUTIONS) {
              const expected = computeReport({ tenant: slug, ...window, attribution, ...data });
              const [cohorts, figures, filtered, filteredRows] = await withTenantRaw(t.raw, tenantId, async (tx) => [
                await selectCohortMeasures(tx, tenantId, window, attribution),
                await selectCharacteristicFigures(tx, tenantId, window, attribution),
                await selectCohortMeasures(tx, tenantId, window, attribution, { childIds: some }),
                await selectChildCounts(tx, tenantId, window, attribution, { childIds: some }),
              ] as const);
              expect(cohorts).toStrictEqual(expected.cohorts);
              expect(figures).toStrictEqual({ cohorts: { ALL: expected.cohorts.ALL }, characteristics: expected.characteristics });
              expect(filtered).toStrictEqual(cohortMeasures(filteredRows));
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it("count 10% absence as persistent and 50% as severe, to the session", async () => {
    const tenantId = await createTenant(t.raw, "agg-boundary");
    // Four children in care, each with 20 possible sessions over ten days: 2, 1, 10 and 9 absences.
    const absences: Record<string, number> = { A: 2, B: 1, C: 10, D: 9 };
    const children = Object.keys(absences).map((childId) => ({ childId, dateOfBirth: "2015-01-01", sex: "F", ethnicity: "WBRI", sen: "N", fsm: false, eal: false }));
    const episodes = children.map((c) => ({ childId: c.childId, status: "CLA" as const, startDate: day(0), endDate: null }));
    const marks: ReportMark[] = children.flatMap((c) =>
      Array.from({ length: 20 }, (_, i) => ({ childId: c.childId, date: day(Math.floor(i / 2)), session: i % 2 === 0 ? ("AM" as const) : ("PM" as const), schoolUrn: "100001", code: i < absences[c.childId]! ? "O" : "/" })),
    );
    await insertReportData(t.raw, tenantId, { children, episodes, marks });
    const window = { from: day(0), to: day(9) };
    const cohorts = await withTenantRaw(t.raw, tenantId, (tx) => selectCohortMeasures(tx, tenantId, window, "ever"));
    expect(cohorts.CLA).toMatchObject({ children: 4, possible: 80, persistent: 3, severe: 1 });
    expect(cohorts.ALL).toStrictEqual(cohorts.CLA);
    expect(cohorts.CIN).toMatchObject({ children: 0, possible: 0, attendanceRate: null });
  });
});
