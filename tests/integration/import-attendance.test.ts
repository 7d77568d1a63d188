import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, counts, csv, importFile, MARK_HEADER, newTenant, upn } from "../helpers/import-fixture";

// attendance.csv: marks upserted by upn + school_urn + date + session; unknown UPNs kept aside until
// the child arrives; schools created from the file.
describe("import: attendance.csv", () => {
  let db: TestDb;
  let tenant: number;
  beforeAll(async () => {
    db = await createTestDb();
    tenant = await newTenant(db, "attendance");
    const children = csv([CHILD_HEADER, `C1,${upn(1)},Ann,Smith,2015-01-01,F,,,,,`, `C2,${upn(2)},Bob,Smith,2014-01-01,M,,,,,`]);
    await importFile(db, tenant, "children", children);
  });
  afterAll(async () => db?.close());

  // The marks a session to a row (the view "AttendanceMark" over AttendanceDay).
  const marks = async () =>
    (
      await db.raw.query<{ m: string }>(
        `SELECT c."childRef" || ' ' || s.urn || ' ' || to_char(m.date, 'YYYY-MM-DD') || ' ' || m.session || ' ' || m.code AS m
           FROM "AttendanceMark" m JOIN "Child" c ON c."tenantId" = m."tenantId" AND c.id = m."childId"
           JOIN "School" s ON s."tenantId" = m."tenantId" AND s.id = m."schoolId"
          WHERE m."tenantId" = $1`,
        [tenant],
      )
    ).rows
      .map((r) => r.m)
      .sort();

  it("inserts marks and schools; a re-run changes nothing; a changed code is updated", async () => {
    const file = csv([
      MARK_HEADER,
      `${upn(1)},100001,Oak Primary,2025-09-01,AM,/`,
      `${upn(1)},100001,Oak Primary,2025-09-01,PM,\\`,
      `${upn(2)},100002,,01/09/2025,am,N`,
      `${upn(2)},100002,Elm Academy,01/09/2025,PM,-`,
    ]);
    expect(counts(await importFile(db, tenant, "attendance", file))).toEqual({
      status: "SUCCEEDED",
      inserted: 4,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      unmatched: 0,
    });
    expect(counts(await importFile(db, tenant, "attendance", file))).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    const changed = await importFile(db, tenant, "attendance", csv([MARK_HEADER, `${upn(2)},100002,Elm Academy,2025-09-01,AM,I`]));
    expect(counts(changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await marks()).toEqual([
      "C1 100001 2025-09-01 AM /",
      "C1 100001 2025-09-01 PM \\",
      "C2 100002 2025-09-01 AM I",
      "C2 100002 2025-09-01 PM -",
    ]);
    const schools = await db.prisma.school.findMany({ where: { tenantId: tenant }, orderBy: { urn: "asc" }, select: { urn: true, name: true } });
    expect(schools).toEqual([
      { urn: "100001", name: "Oak Primary" },
      { urn: "100002", name: "Elm Academy" },
    ]);
  });

  it("keeps the day totals the reports read in step with the marks", async () => {
    const totals = await db.prisma.attendanceDay.findMany({
      where: { tenantId: tenant, date: new Date("2025-09-01") },
      orderBy: { childId: "asc" },
      select: { am: true, pm: true, cumPossible: true, cumAttended: true, cumAuthorised: true, cumUnauthorised: true, cumNoMark: true },
    });
    expect(totals).toEqual([
      { am: "/", pm: "\\", cumPossible: 2, cumAttended: 2, cumAuthorised: 0, cumUnauthorised: 0, cumNoMark: 0 },
      { am: "I", pm: "-", cumPossible: 1, cumAttended: 0, cumAuthorised: 1, cumUnauthorised: 0, cumNoMark: 1 },
    ]);
  });

  it("rejects an unknown code, a wrong check letter, an impossible date and a repeated key", async () => {
    const badCheck = `A${upn(1).slice(1)}`;
    const r = await importFile(
      db,
      tenant,
      "attendance",
      csv([
        MARK_HEADER,
        `${upn(1)},100001,Oak Primary,2025-09-02,AM,Z9`,
        `${badCheck},100001,Oak Primary,2025-09-02,AM,/`,
        `${upn(1)},100001,Oak Primary,31/02/2026,AM,/`,
        `${upn(1)},10001,Oak Primary,2025-09-02,XM,`,
        `${upn(1)},100001,Oak Primary,2025-09-03,AM,/`,
        `${upn(1)},100001,Oak Primary,2025-09-03,AM,N`,
        `${upn(1)},100001,Oak Primary,2025-09-02,AM,/`,
      ]),
    );
    expect(counts(r)).toEqual({ status: "SUCCEEDED", inserted: 1, updated: 0, unchanged: 0, rejected: 6, unmatched: 0 });
    expect(r.rejectedRows).toEqual([
      { line: 2, column: "code", reason: 'unknown register code "Z9"' },
      { line: 3, column: "upn", reason: `Wrong check letter: the check letter should be ${upn(1)[0]}` },
      { line: 4, column: "date", reason: "31/02/2026 is not a real date" },
      { line: 5, column: "school_urn", reason: 'school_urn must be 6 digits, not "10001"' },
      { line: 5, column: "session", reason: 'session must be AM or PM, not "XM"' },
      { line: 5, column: "code", reason: "code is required (use - for no mark)" },
      { line: 7, column: "upn, school_urn, date, session", reason: "duplicate of line 6" },
      // Line 2 was rejected for its code, but it still came first with its key.
      { line: 8, column: "upn, school_urn, date, session", reason: "duplicate of line 2" },
    ]);
  });

  it("finds a repeated key across batches", async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `${upn(2)},100002,,2025-10-${String(i + 1).padStart(2, "0")},AM,/`);
    const r = await importFile(db, tenant, "attendance", csv([MARK_HEADER, ...lines, lines[3]!, lines[20]!]), { batchSize: 10 });
    expect(counts(r)).toMatchObject({ inserted: 25, rejected: 2 });
    expect(r.rejectedRows.map((x) => [x.line, x.reason])).toEqual([
      [27, "duplicate of line 5"],
      [28, "duplicate of line 22"],
    ]);
  });

  it("refuses a file that breaks off after its first rows were staged, writes nothing, and the next import runs", async () => {
    const before = await marks();
    const lines = Array.from({ length: 25 }, (_, i) => `${upn(1)},100001,,2025-11-${String(i + 1).padStart(2, "0")},AM,/`);
    // Batches of 10: on PostgreSQL the COPY that stages the rows is open when the bad line is reached.
    const r = await importFile(db, tenant, "attendance", csv([MARK_HEADER, ...lines, `${upn(1)},100001,"Oak,2025-12-01,AM,/`, lines[0]!]), { batchSize: 10 });
    expect(r.status).toBe("REFUSED");
    expect(r.message).toBe('Line 27 opens a quoted value (") that is never closed, so the file cannot be read as CSV.');
    expect(await marks()).toEqual(before);
    const next = await importFile(db, tenant, "attendance", csv([MARK_HEADER, ...lines]), { batchSize: 10 });
    expect(counts(next)).toMatchObject({ status: "SUCCEEDED", inserted: 25 });
    expect((await marks()).length).toBe(before.length + 25);
  });

  it("keeps marks of an unknown UPN aside, then links them when children.csv brings the child", async () => {
    const newcomer = upn(77);
    const file = csv([
      MARK_HEADER,
      `${newcomer},100003,Ash School,2025-09-01,AM,/`,
      `${newcomer},100003,Ash School,2025-09-01,PM,G`,
      `${upn(1)},100001,Oak Primary,2025-09-04,AM,/`,
    ]);
    const r = await importFile(db, tenant, "attendance", file);
    expect(counts(r)).toEqual({ status: "SUCCEEDED", inserted: 1, updated: 0, unchanged: 0, rejected: 0, unmatched: 2 });
    expect(await db.prisma.unmatchedMark.count({ where: { tenantId: tenant, upn: newcomer } })).toBe(2);
    expect(await db.prisma.school.count({ where: { tenantId: tenant, urn: "100003" } })).toBe(1);
    // Still unmatched on a re-run.
    expect(counts(await importFile(db, tenant, "attendance", file))).toMatchObject({ inserted: 0, unchanged: 1, unmatched: 2 });

    const arrived = await importFile(db, tenant, "children", csv([CHILD_HEADER, `C77,${newcomer},Cy,New,2016-02-02,M,,,,,`]));
    expect(counts(arrived)).toMatchObject({ status: "SUCCEEDED", inserted: 1 });
    expect(arrived.linked).toBe(2);
    expect(await db.prisma.unmatchedMark.count({ where: { tenantId: tenant } })).toBe(0);
    expect((await marks()).filter((m) => m.startsWith("C77 "))).toEqual(["C77 100003 2025-09-01 AM /", "C77 100003 2025-09-01 PM G"]);
    const c77 = await db.prisma.child.findFirstOrThrow({ where: { tenantId: tenant, childRef: "C77" } });
    const total = await db.prisma.attendanceDay.findFirstOrThrow({ where: { tenantId: tenant, childId: c77.id } });
    expect(total).toMatchObject({ am: "/", pm: "G", cumPossible: 2, cumAttended: 1, cumUnauthorised: 1 });

    // The same file now matches the child: nothing left to keep aside.
    expect(counts(await importFile(db, tenant, "attendance", file))).toMatchObject({ inserted: 0, unchanged: 3, unmatched: 0 });
  });
});
