import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, counts, csv, importFile, newTenant, STATUS_HEADER } from "../helpers/import-fixture";

// statuses.csv: episodes upserted by child_id + status + start_date, for children of the tenant only.
describe("import: statuses.csv", () => {
  let db: TestDb;
  let tenant: number;
  let other: number;
  beforeAll(async () => {
    db = await createTestDb();
    tenant = await newTenant(db, "statuses-a");
    other = await newTenant(db, "statuses-b");
    const children = csv([CHILD_HEADER, "C1,,Ann,Smith,2015-01-01,F,,,,,", "C2,,Bob,Smith,2014-01-01,M,,,,,"]);
    await importFile(db, tenant, "children", children);
    await importFile(db, other, "children", csv([CHILD_HEADER, "X1,,Zed,Other,2015-01-01,M,,,,,"]));
  });
  afterAll(async () => db?.close());

  const episodes = () =>
    db.prisma.statusEpisode.findMany({
      where: { tenantId: tenant },
      orderBy: [{ childId: "asc" }, { startDate: "asc" }],
      select: { child: { select: { childRef: true } }, status: true, startDate: true, endDate: true },
    });
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

  const FILE = csv([STATUS_HEADER, "C1,CIN,2024-09-01,2025-01-31", "C1,cla,01/02/2025,", "C2,CP,2025-03-01,2025-03-01"]);

  it("inserts the episodes, then a re-run changes nothing, and a closed episode is updated", async () => {
    expect(counts(await importFile(db, tenant, "statuses", FILE))).toEqual({
      status: "SUCCEEDED",
      inserted: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      unmatched: 0,
    });
    expect(counts(await importFile(db, tenant, "statuses", FILE))).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const closed = await importFile(db, tenant, "statuses", csv([STATUS_HEADER, "C1,CLA,2025-02-01,2025-06-30"]));
    expect(counts(closed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    // Without the end_date column, end dates are left alone.
    const noEnd = await importFile(db, tenant, "statuses", csv(["child_id,status,start_date", "C1,CLA,2025-02-01"]));
    expect(counts(noEnd)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect((await episodes()).map((e) => [e.child.childRef, e.status, day(e.startDate), day(e.endDate)])).toEqual([
      ["C1", "CIN", "2024-09-01", "2025-01-31"],
      ["C1", "CLA", "2025-02-01", "2025-06-30"],
      ["C2", "CP", "2025-03-01", "2025-03-01"],
    ]);
  });

  it("rejects an unknown child, an end before its start, a bad status and a duplicate key", async () => {
    const r = await importFile(
      db,
      tenant,
      "statuses",
      csv([
        STATUS_HEADER,
        "C99,CIN,2025-01-01,",
        "X1,CIN,2025-01-01,", // a child of another authority
        "C2,CIN,2025-05-01,2025-04-30",
        "C2,CIN,2025-05-01,",
        "C2,XX,2025-05-01,",
        "C1,KIN,2025-04-01,",
        "C1,KIN,01/04/2025,2025-05-01",
      ]),
    );
    expect(counts(r)).toEqual({ status: "SUCCEEDED", inserted: 1, updated: 0, unchanged: 0, rejected: 6, unmatched: 0 });
    expect(r.rejectedRows).toEqual([
      { line: 2, column: "child_id", reason: 'no child with child_id "C99" in this authority' },
      { line: 3, column: "child_id", reason: 'no child with child_id "X1" in this authority' },
      { line: 4, column: "end_date", reason: "end_date is before start_date" },
      { line: 5, column: "child_id, status, start_date", reason: "duplicate of line 4" },
      { line: 6, column: "status", reason: 'status must be CIN, CP, CLA, PLAC or KIN, not "XX"' },
      { line: 8, column: "child_id, status, start_date", reason: "duplicate of line 7" },
    ]);
    expect(await db.prisma.statusEpisode.count({ where: { tenantId: other } })).toBe(0);
  });
});
