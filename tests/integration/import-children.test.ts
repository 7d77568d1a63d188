import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejectedRowsCsv } from "@/lib/import";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, counts, csv, importFile, newTenant, upn } from "../helpers/import-fixture";

// children.csv: upserted by child_id; every bad row reported with its line, column and reason.
describe("import: children.csv", () => {
  let db: TestDb;
  let tenant: number;
  let other: number;
  beforeAll(async () => {
    db = await createTestDb();
    tenant = await newTenant(db, "children-a");
    other = await newTenant(db, "children-b");
  });
  afterAll(async () => db?.close());

  const child = (tid: number, ref: string) =>
    db.prisma.child.findUniqueOrThrow({ where: { tenantId_childRef: { tenantId: tid, childRef: ref } }, include: { team: true } });

  const FILE = csv([
    CHILD_HEADER,
    `C1,${upn(1)},Ann,Smith,2015-01-02,F,WBRI,K,Y,N,North`,
    `C2,,Bob,Jones,03/04/2014,m,,,,,`,
    `C3,${upn(3)},Cat,Brown,2016-05-06,U,AIND,E,n,y,South`,
  ]);

  it("inserts the children, then a re-run of the same file changes nothing", async () => {
    const first = await importFile(db, tenant, "children", FILE);
    expect(counts(first)).toEqual({ status: "SUCCEEDED", inserted: 3, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 });
    const c1 = await child(tenant, "C1");
    expect(c1).toMatchObject({ upn: upn(1), firstName: "Ann", sex: "F", ethnicity: "WBRI", sen: "K", fsm: true, eal: false });
    expect(c1.team?.name).toBe("North");
    expect(await child(tenant, "C2")).toMatchObject({ upn: null, sex: "M", sen: "N", fsm: false, eal: false, teamId: null });
    const updatedAt = c1.updatedAt;

    const again = await importFile(db, tenant, "children", FILE);
    expect(counts(again)).toEqual({ status: "SUCCEEDED", inserted: 0, updated: 0, unchanged: 3, rejected: 0, unmatched: 0 });
    expect((await child(tenant, "C1")).updatedAt).toEqual(updatedAt);
    expect(await db.prisma.team.count({ where: { tenantId: tenant } })).toBe(2);

    const run = await db.prisma.importRun.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant, id: again.importRunId } } });
    expect(run).toMatchObject({ status: "SUCCEEDED", kind: "CHILDREN", rows: 3, inserted: 0, unchanged: 3, rejected: 0 });
    expect(run.finishedAt).not.toBeNull();
  });

  it("updates a changed child and leaves the others", async () => {
    const r = await importFile(db, tenant, "children", csv([CHILD_HEADER, `C2,,Bob,Jones,03/04/2014,M,,,,,West`, `C4,,Dan,Green,2013-01-01,M,,,,,`]));
    expect(counts(r)).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    expect((await child(tenant, "C2")).team?.name).toBe("West");
    expect(await db.prisma.child.count({ where: { tenantId: tenant } })).toBe(4);
  });

  it("leaves the fields of optional columns that are not in the file as they are", async () => {
    const r = await importFile(db, tenant, "children", csv(["child_id,first_name,last_name,date_of_birth,sex", "C1,Annie,Smith,2015-01-02,F"]));
    expect(counts(r)).toMatchObject({ updated: 1, unchanged: 0 });
    expect(await child(tenant, "C1")).toMatchObject({ firstName: "Annie", upn: upn(1), ethnicity: "WBRI", sen: "K", fsm: true });
    expect((await child(tenant, "C1")).team?.name).toBe("North");
    const same = await importFile(db, tenant, "children", csv(["child_id,first_name,last_name,date_of_birth,sex", "C1,Annie,Smith,2015-01-02,F"]));
    expect(counts(same)).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it("rejects bad rows with their line, column and reason, and keeps the good ones", async () => {
    const r = await importFile(
      db,
      tenant,
      "children",
      csv([
        CHILD_HEADER,
        `E1,A2010001000${upn(9).slice(-2)},Eve,Smith,2015-01-01,F,,,,,`,
        `E2,,Fay,Smith,31/02/2026,F,,,,,`,
        `E3,,Gus,Smith,2015-01-01,X,,Q,maybe,,`,
        `,,,Smith,2015-01-01,F,,,,,`,
        `E5,,Hal,Smith,1st May 2015,M,,,,,`,
        `E1,,Eve,Again,2015-01-01,F,,,,,`,
        `E7,,Ivy,Smith,2015-01-01,F,,,,,`,
      ]),
    );
    expect(counts(r)).toEqual({ status: "SUCCEEDED", inserted: 1, updated: 0, unchanged: 0, rejected: 6, unmatched: 0 });
    expect(r.rejectedRows).toEqual([
      { line: 2, column: "upn", reason: `Wrong check letter: the check letter should be ${upn(9)[0]}` },
      { line: 3, column: "date_of_birth", reason: "31/02/2026 is not a real date" },
      { line: 4, column: "sex", reason: 'sex must be M, F or U, not "X"' },
      { line: 4, column: "sen", reason: 'sen must be N, K, E or blank, not "Q"' },
      { line: 4, column: "fsm", reason: 'fsm must be Y, N or blank, not "maybe"' },
      { line: 5, column: "child_id", reason: "child_id is required" },
      { line: 5, column: "first_name", reason: "first_name is required" },
      { line: 6, column: "date_of_birth", reason: '"1st May 2015" is not a date: use YYYY-MM-DD or DD/MM/YYYY' },
      { line: 7, column: "child_id", reason: "duplicate of line 2" },
    ]);
    // A duplicate is judged on the key alone: line 7 repeats the key of line 2, rejected or not.
    expect(await db.prisma.child.count({ where: { tenantId: tenant, childRef: { in: ["E1", "E2", "E3", "E5"] } } })).toBe(0);

    const run = await db.prisma.importRun.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant, id: r.importRunId } } });
    expect(run.rejected).toBe(6);
    expect(run.rejectedRows).toEqual(r.rejectedRows);
  });

  it("gives the rejected rows as a CSV to download", () => {
    const text = rejectedRowsCsv([
      { line: 3, column: "date_of_birth", reason: "31/02/2026 is not a real date" },
      { line: 9, column: "sex", reason: 'sex must be M, F or U, not "=1+1"' },
    ]);
    expect(text).toBe(
      '\uFEFFline,column,reason\r\n3,date_of_birth,31/02/2026 is not a real date\r\n9,sex,"sex must be M, F or U, not ""=1+1"""\r\n',
    );
  });

  it("keeps UPNs unique in the tenant, and lets children swap UPNs", async () => {
    await importFile(db, tenant, "children", csv([CHILD_HEADER, `U1,${upn(11)},A,A,2015-01-01,F,,,,,`, `U2,${upn(12)},B,B,2015-01-01,F,,,,,`]));
    const r = await importFile(
      db,
      tenant,
      "children",
      csv([
        CHILD_HEADER,
        `U1,${upn(12)},A,A,2015-01-01,F,,,,,`, // swap with U2
        `U2,${upn(11)},B,B,2015-01-01,F,,,,,`,
        `U3,${upn(1)},C,C,2015-01-01,F,,,,,`, // C1 holds it and is not in the file
        `U4,${upn(13)},D,D,2015-01-01,F,,,,,`,
        `U5,${upn(13)},E,E,2015-01-01,F,,,,,`, // given to U4 above
      ]),
    );
    expect(counts(r)).toMatchObject({ inserted: 1, updated: 2, rejected: 2 });
    expect(r.rejectedRows).toEqual([
      { line: 4, column: "upn", reason: `UPN ${upn(1)} already belongs to child_id "C1" in this authority` },
      { line: 6, column: "upn", reason: `UPN ${upn(13)} is also given to child_id "U4" on line 5` },
    ]);
    expect((await child(tenant, "U1")).upn).toBe(upn(12));
    expect((await child(tenant, "U2")).upn).toBe(upn(11));
  });

  it("keeps tenants apart: the same child_id and UPN in another authority is another child", async () => {
    const r = await importFile(db, other, "children", csv([CHILD_HEADER, `C1,${upn(1)},Zed,Other,2012-01-01,M,,,,,North`]));
    expect(counts(r)).toMatchObject({ inserted: 1, rejected: 0 });
    expect((await child(other, "C1")).firstName).toBe("Zed");
    expect((await child(tenant, "C1")).firstName).toBe("Annie");
    expect(await db.prisma.team.count({ where: { tenantId: other } })).toBe(1);
  });
});
