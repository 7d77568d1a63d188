import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTRIBUTIONS, computeReport } from "@/lib/attendance";
import { dataArb, windowArb, windowsArb } from "../helpers/report-arbitraries";
import { withTenantRaw } from "@/lib/db/tenant";
import { buildReport, selectChildCounts } from "@/lib/reports";
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

  it("a child filter selects the rows of those children", async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, windowArb, fc.constantFrom(...ATTRIBUTIONS), async (data, window, attribution) => {
        const slug = `prop-${++run}`;
        const tenantId = await createTenant(t.raw, slug);
        const ids = await insertReportData(t.raw, tenantId, data);
        const some = [...ids.values()].filter((_, i) => i % 2 === 0);
        const [all, filtered] = await withTenantRaw(t.raw, tenantId, async (tx) => [
          await selectChildCounts(tx, tenantId, window, attribution),
          await selectChildCounts(tx, tenantId, window, attribution, { childIds: some }),
        ] as const);
        const key = (r: { childId: number; cohort: string }) => `${r.childId} ${r.cohort}`;
        expect(filtered.map(key).sort()).toEqual(all.filter((r) => some.includes(r.childId)).map(key).sort());
      }),
      { numRuns: 15 },
    );
  });
});
