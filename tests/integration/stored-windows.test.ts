import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attribution } from "@/lib/attendance";
import { withTenantRaw } from "@/lib/db/tenant";
import { selectChildCounts, type ChildCohortCounts } from "@/lib/reports";
import { clearStoredWindows, storeWindows } from "@/lib/reports/stored-windows";
import { weeklyTrend } from "@/lib/reports/weekly-trend";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createTenant, insertReportData } from "../helpers/report-data";
import { dataArb, day, type Generated } from "../helpers/report-arbitraries";
import { CHILD_HEADER, csv, importFile, MARK_HEADER, newTenant, STATUS_HEADER, upn } from "../helpers/import-fixture";

// Stored windows (lib/reports/stored-windows.ts) are read instead of being worked out: they must be the
// live figures, row for row, and no change of the data may leave one behind.

const sorted = (rows: ChildCohortCounts[]) => [...rows].sort((a, b) => a.childId - b.childId || a.cohort.localeCompare(b.cohort));

describe("stored windows", () => {
  let t: TestDb;
  let run = 0;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.close());

  const storedKeys = (tenantId: number) =>
    withTenantRaw(t.raw, tenantId, async (tx) =>
      (await tx.query<{ k: string }>(`SELECT to_char("fromDate", 'YYYY-MM-DD') || ' ' || to_char("toDate", 'YYYY-MM-DD') || ' ' || attribution AS k FROM "StoredWindow" WHERE "tenantId" = $1 ORDER BY 1`, [tenantId])).rows.map((r) => r.k),
    );

  it("a stored window reads the same rows as the live one, for all children or some", async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, fc.integer({ min: -5, max: 35 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom<Attribution>("ever", "during"), async (data: Generated, a, n, attribution) => {
        const tenantId = await createTenant(t.raw, `stored-${++run}`);
        const ids = [...(await insertReportData(t.raw, tenantId, data)).values()];
        const w = { from: day(a), to: day(a + n) };
        const some = ids.filter((_, i) => i % 2 === 0);
        const live = await withTenantRaw(t.raw, tenantId, async (tx) => [await selectChildCounts(tx, tenantId, w, attribution), await selectChildCounts(tx, tenantId, w, attribution, { childIds: some })]);
        await withTenantRaw(t.raw, tenantId, (tx) => storeWindows(tx, tenantId, [w]));
        expect(await storedKeys(tenantId)).toEqual([`${w.from} ${w.to} during`, `${w.from} ${w.to} ever`]);
        const stored = await withTenantRaw(t.raw, tenantId, async (tx) => [await selectChildCounts(tx, tenantId, w, attribution), await selectChildCounts(tx, tenantId, w, attribution, { childIds: some })]);
        expect(sorted(stored[0]!)).toEqual(sorted(live[0]!));
        expect(sorted(stored[1]!)).toEqual(sorted(live[1]!));
      }),
      { numRuns: 25 },
    );
  });

  it("an import stores the standard windows, and the next change of marks or statuses replaces them", async () => {
    const tenantId = await newTenant(t, "stored-import");
    await importFile(t, tenantId, "children", csv([CHILD_HEADER, `C1,${upn(1)},Ann,Smith,2015-01-01,F,,,,,`, `C2,${upn(2)},Bob,Smith,2014-01-01,M,,,,,`]));
    await importFile(t, tenantId, "statuses", csv([STATUS_HEADER, "C1,CIN,2025-06-01,", "C2,CP,2025-06-01,"]));
    const week = (code: string) => ["2025-09-01", "2025-09-02", "2025-09-03"].flatMap((d) => [`${upn(1)},100001,Oak,${d},AM,${code}`, `${upn(1)},100001,Oak,${d},PM,/`, `${upn(2)},100001,Oak,${d},AM,/`]);
    await importFile(t, tenantId, "attendance", csv([MARK_HEADER, ...week("/")]));
    // As of the latest mark, Wednesday 3 September 2025: the autumn term (the DfE's census dates, as the
    // tenant has none of its own) and the year so far.
    const standard = ["2025-08-01 2025-12-31 during", "2025-08-01 2025-12-31 ever", "2025-09-01 2025-09-03 during", "2025-09-01 2025-09-03 ever"];
    expect(await storedKeys(tenantId)).toEqual(standard);
    const w = { from: "2025-09-01", to: "2025-09-03" };
    const figures = () => withTenantRaw(t.raw, tenantId, async (tx) => sorted(await selectChildCounts(tx, tenantId, w, "ever")).map((r) => `${r.childRef} ${r.cohort} ${r.attended}/${r.possible}`));
    expect(await figures()).toEqual(["C1 CIN 6/6", "C2 CP 3/3"]);

    // Ann missed her mornings: the stored figures follow the marks.
    await importFile(t, tenantId, "attendance", csv([MARK_HEADER, ...week("I")]));
    expect(await storedKeys(tenantId)).toEqual(standard);
    expect(await figures()).toEqual(["C1 CIN 3/6", "C2 CP 3/3"]);
    const trend = await withTenantRaw(t.raw, tenantId, async (tx) => {
      const stored = await tx.query(`SELECT 1 FROM "StoredTrend" WHERE "tenantId" = $1 AND "asOf" = '2025-09-03'`, [tenantId]);
      expect(stored.rows).toHaveLength(1);
      return weeklyTrend(tx, tenantId, "2025-09-01", "2025-09-03", "CIN");
    });
    expect(trend).toEqual([{ weekStart: "2025-09-01", attendance: 3 / 6, persistentShare: 1, children: 1 }]);

    // Bob's plan ends before term: he leaves the cohort, and the stored window with him.
    await importFile(t, tenantId, "statuses", csv([STATUS_HEADER, "C2,CP,2025-06-01,2025-07-31"]));
    expect(await figures()).toEqual(["C1 CIN 3/6"]);
    const live = await withTenantRaw(t.raw, tenantId, async (tx) => {
      await clearStoredWindows(tx, tenantId);
      return sorted(await selectChildCounts(tx, tenantId, w, "ever")).map((r) => `${r.childRef} ${r.cohort} ${r.attended}/${r.possible}`);
    });
    expect(live).toEqual(["C1 CIN 3/6"]);
  });
});
