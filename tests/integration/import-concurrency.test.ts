import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, csv, importFile, MARK_HEADER, newTenant, upn } from "../helpers/import-fixture";

// Two imports into one tenant at once run one after the other (a transaction-level advisory lock on
// the tenant): the second sees everything the first wrote, and their runs do not overlap in time.
describe("import: two at once into one tenant", () => {
  let db: TestDb;
  let tenant: number;
  beforeAll(async () => {
    db = await createTestDb();
    tenant = await newTenant(db, "concurrent");
  });
  afterAll(async () => db?.close());

  const runsOf = async (ids: number[]) =>
    db.prisma.importRun.findMany({ where: { tenantId: tenant, id: { in: ids } }, orderBy: { startedAt: "asc" } });

  it("serializes two imports of the same children file", async () => {
    const children = Array.from({ length: 300 }, (_, i) => `C${i},${upn(i)},Child,${i},2015-01-01,F,,,,,Team ${i % 3}`);
    const file = csv([CHILD_HEADER, ...children]);
    const results = await Promise.all([importFile(db, tenant, "children", file), importFile(db, tenant, "children", file)]);
    expect(results.map((r) => r.status)).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    // Run concurrently, both would have counted 300 new children.
    expect(results.map((r) => [r.inserted, r.unchanged]).sort()).toEqual([
      [0, 300],
      [300, 0],
    ]);
    const [first, second] = await runsOf(results.map((r) => r.importRunId));
    expect(second!.startedAt.getTime()).toBeGreaterThanOrEqual(first!.finishedAt!.getTime());
    expect(await db.prisma.child.count({ where: { tenantId: tenant } })).toBe(300);
  });

  it("serializes two attendance imports that share marks", async () => {
    const days = Array.from({ length: 30 }, (_, d) => `2025-09-${String(d + 1).padStart(2, "0")}`);
    const rows = (code: string) => days.flatMap((day) => [0, 1, 2].map((c) => `${upn(c)},100001,Oak Primary,${day},AM,${code}`));
    const [a, b] = await Promise.all([
      importFile(db, tenant, "attendance", csv([MARK_HEADER, ...rows("/")])),
      importFile(db, tenant, "attendance", csv([MARK_HEADER, ...rows("N")])),
    ]);
    expect([a.status, b.status]).toEqual(["SUCCEEDED", "SUCCEEDED"]);
    const [first, second] = await runsOf([a.importRunId, b.importRunId]);
    expect(second!.startedAt.getTime()).toBeGreaterThanOrEqual(first!.finishedAt!.getTime());
    // The second overwrote every mark of the first.
    expect(first).toMatchObject({ inserted: 90, updated: 0 });
    expect(second).toMatchObject({ inserted: 0, updated: 90 });
    const last = second!.id === a.importRunId ? "/" : "N";
    const written = await db.raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AttendanceMark" WHERE "tenantId" = $1 AND code = $2`, [tenant, last]);
    expect(written.rows[0]!.n).toBe(90);
  });
});
