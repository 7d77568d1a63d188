import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantRaw } from "@/lib/db/tenant";
import { refreshDayTotals } from "@/lib/reports/day-totals";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, counts, csv, importFile, MARK_HEADER, newTenant, STATUS_HEADER, upn } from "../helpers/import-fixture";

// An attendance import writes the running totals (AttendanceDay) and the tables derived from them
// (ChildSchoolSpan, ChildCohortSpan) again only from each changed child's first changed day; after any
// sequence of imports they equal a full rebuild from the marks.
describe("import: day totals brought up to date incrementally", () => {
  let db: TestDb;
  let tenant: number;
  beforeAll(async () => {
    db = await createTestDb();
    tenant = await newTenant(db, "day-totals");
    const kids = [1, 2, 3].map((i) => `C${i},${upn(i)},Kid,Smith,2015-01-01,F,,,,,`);
    await importFile(db, tenant, "children", csv([CHILD_HEADER, ...kids]));
    await importFile(db, tenant, "statuses", csv([STATUS_HEADER, "C1,CIN,2025-09-01,2025-09-20", "C1,CLA,2025-09-10,", "C2,CP,2025-09-05,", "C3,KIN,2025-09-01,"]));
  });
  afterAll(async () => db?.close());

  const TABLES = [
    `SELECT "childId", "schoolId", to_char(date, 'YYYY-MM-DD') d, am, pm, "cumPossible", "cumAttended", "cumAuthorised", "cumUnauthorised", "cumNoMark" FROM "AttendanceDay" WHERE "tenantId" = $1 ORDER BY 1, 2, 3`,
    `SELECT "childId", "schoolId", "firstDate"::text, "lastDate"::text, "cumPossible", "cumAttended", "cumAuthorised", "cumUnauthorised", "cumNoMark" FROM "ChildSchoolSpan" WHERE "tenantId" = $1 ORDER BY 1, 2`,
    `SELECT "childId", cohort::text, "startDate"::text, "endDate"::text, "beforePossible", "beforeAttended", "beforeAuthorised", "beforeUnauthorised", "beforeNoMark", "endPossible", "endAttended", "endAuthorised", "endUnauthorised", "endNoMark" FROM "ChildCohortSpan" WHERE "tenantId" = $1 ORDER BY 1, 2, 3`,
  ];
  const derived = () => withTenantRaw(db.raw, tenant, async (tx) => Promise.all(TABLES.map(async (sql) => (await tx.query(sql, [tenant])).rows)));

  const mark = fc.record({
    child: fc.integer({ min: 1, max: 3 }),
    school: fc.constantFrom("100001", "100002"),
    day: fc.integer({ min: 1, max: 30 }),
    session: fc.constantFrom("AM", "PM"),
    code: fc.constantFrom("/", "\\", "N", "I", "-", "D", "L"),
  });

  it("equals a full rebuild after any sequence of imports", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(mark, { minLength: 1, maxLength: 25 }), { minLength: 1, maxLength: 4 }), async (files) => {
        for (const file of files) {
          const lines = file.map((m) => `${upn(m.child)},${m.school},,2025-09-${String(m.day).padStart(2, "0")},${m.session},${m.code}`);
          const r = await importFile(db, tenant, "attendance", csv([MARK_HEADER, ...lines]));
          expect(r.status).toBe("SUCCEEDED");
        }
        const incremental = await derived();
        await withTenantRaw(db.raw, tenant, (tx) => refreshDayTotals(tx, tenant));
        expect(incremental).toEqual(await derived());
      }),
      { numRuns: 15 },
    );
  });

  it("counts a file with repeated keys as the first row of each key, on a re-run too", async () => {
    const file = csv([MARK_HEADER, `${upn(1)},100003,,2025-10-01,AM,/`, `${upn(1)},100003,,2025-10-01,AM,N`, `${upn(1)},100003,,2025-10-01,PM,N`]);
    for (const expected of [{ inserted: 2, unchanged: 0 }, { inserted: 0, unchanged: 2 }]) {
      const r = await importFile(db, tenant, "attendance", file);
      expect(counts(r)).toEqual({ status: "SUCCEEDED", updated: 0, rejected: 1, unmatched: 0, ...expected });
      expect(r.rejectedRows).toEqual([{ line: 3, column: "upn, school_urn, date, session", reason: "duplicate of line 2" }]);
    }
    const { rows } = await db.raw.query<{ code: string }>(
      `SELECT m.code FROM "AttendanceMark" m JOIN "School" s ON s."tenantId" = m."tenantId" AND s.id = m."schoolId"
        WHERE m."tenantId" = $1 AND s.urn = '100003' ORDER BY m.session`,
      [tenant],
    );
    expect(rows.map((c) => c.code)).toEqual(["/", "N"]);
  });
});
