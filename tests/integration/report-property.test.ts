import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, ATTRIBUTIONS, computeReport } from "@/lib/attendance";
import { dataArb, windowArb, windowsArb } from "../helpers/report-arbitraries";
import { buildReport, childCounts, cohortWeeklyCounts } from "@/lib/reports";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createTenant, insertReportData } from "../helpers/report-data";

// buildReport (computed by the database) must equal lib/attendance's computeReport (the day-by-day reference)
// on any data: overlapping and open episodes, PLAC / KIN, every code category including pre-2024 codes,
// dual registration and no-mark sessions, several schools per child, and windows that cut episodes,
// hold no marks, or last one day. Each run writes a new tenant, so earlier runs' data sit in the same
// tables and must not leak into the report.

describe("buildReport equals the reference computeReport", () => {
  let t: TestDb;
  let run = 0;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.close());

  it("on random children, episodes, marks and windows, under both attributions", async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, windowsArb, async (data, windows) => {
        const slug = `prop-${++run}`;
        const tenantId = await createTenant(t.raw, slug);
        await insertReportData(t.raw, tenantId, data);
        for (const window of windows) {
          for (const attribution of ATTRIBUTIONS) {
            const expected = computeReport({ tenant: slug, ...window, attribution, ...data });
            const actual = await buildReport({ raw: t.raw, tenantId, tenantSlug: slug, ...window, attribution });
            expect(actual).toStrictEqual(expected);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it("weekly cohort series add up to the report's cohort sessions, and a child filter selects rows", async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, windowArb, fc.constantFrom(...ATTRIBUTIONS), async (data, window, attribution) => {
        const slug = `prop-${++run}`;
        const tenantId = await createTenant(t.raw, slug);
        const ids = await insertReportData(t.raw, tenantId, data);
        const report = await buildReport({ raw: t.raw, tenantId, tenantSlug: slug, ...window, attribution });
        const weeks = await cohortWeeklyCounts(t.raw, tenantId, window, attribution);
        for (const [cohort, m] of Object.entries(report.cohorts)) {
          const sum = { possible: 0, attended: 0, authorised: 0, unauthorised: 0 };
          for (const w of weeks.filter((x) => x.cohort === cohort)) {
            expect(w.weekStart >= addDays(window.from, -6) && w.weekStart <= window.to).toBe(true);
            sum.possible += w.possible;
            sum.attended += w.attended;
            sum.authorised += w.authorised;
            sum.unauthorised += w.unauthorised;
          }
          expect(sum).toEqual({ possible: m.possible, attended: m.attended, authorised: m.authorised, unauthorised: m.unauthorised });
        }
        const all = await childCounts(t.raw, tenantId, window, attribution);
        const some = [...ids.values()].filter((_, i) => i % 2 === 0);
        const filtered = await childCounts(t.raw, tenantId, window, attribution, { childIds: some });
        const key = (r: { childId: number; cohort: string }) => `${r.childId} ${r.cohort}`;
        expect(filtered.map(key).sort()).toEqual(all.filter((r) => some.includes(r.childId)).map(key).sort());
      }),
      { numRuns: 15 },
    );
  });
});
