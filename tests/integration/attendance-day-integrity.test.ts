import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, testDbKind, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, csv, importFile, MARK_HEADER, newTenant, upn } from "../helpers/import-fixture";
import { withTenantRaw } from "@/lib/db/tenant";
import type { SqlRunner } from "@/lib/db/raw";

// AttendanceDay has no foreign keys: statement-level triggers (migration 20261130090000_attendance_days)
// stand in for them. These tests hold the triggers to what the keys guaranteed: a day names a child and
// a school of its own tenant, or it is not written; a child's, a school's or a tenant's days go with it;
// the keys are never changed in place. And the table and its view "AttendanceMark" stay under
// row-level security.

type Seeded = { tenant: number; c1: number; c2: number; s1: number; s2: number };
type Day = { tenantId: number; childId: number; schoolId: number; date: string; am?: string | null; pm?: string | null };
type DayRow = { tenantId: number; childId: number; schoolId: number; date: string; am: string | null; pm: string | null };

const DAY_COLUMNS = `"tenantId", "childId", "schoolId", date::text AS date, am, pm`;

/** Inserts days in one statement (running totals zero: only the keys matter here). */
function insertDays(q: SqlRunner, days: Day[]) {
  const params: unknown[] = [];
  const values = days.map((d, i) => {
    params.push(d.tenantId, d.childId, d.schoolId, d.date, d.am === undefined && d.pm === undefined ? "/" : (d.am ?? null), d.pm ?? null);
    const o = i * 6;
    return `($${o + 1}::int, $${o + 2}::int, $${o + 3}::int, $${o + 4}::date, $${o + 5}, $${o + 6}, 0, 0, 0, 0, 0)`;
  });
  return q.query(
    `INSERT INTO "AttendanceDay" ("tenantId", "childId", "schoolId", date, am, pm, "cumPossible", "cumAttended", "cumAuthorised", "cumUnauthorised", "cumNoMark")
     VALUES ${values.join(", ")}`,
    params,
  );
}

describe("AttendanceDay: integrity kept by statement triggers", () => {
  let db: TestDb;
  let A: Seeded;
  let B: Seeded;
  let serial = 0;

  /** A tenant with two children and two schools, through the normal import path. */
  async function seed(slug: string): Promise<Seeded> {
    const tenant = await newTenant(db, slug);
    const u1 = upn(++serial);
    const u2 = upn(++serial);
    const children = await importFile(db, tenant, "children", csv([CHILD_HEADER, `C1,${u1},Ann,Smith,2015-01-01,F,,,,,`, `C2,${u2},Bob,Jones,2014-01-01,M,,,,,`]));
    expect(children.status).toBe("SUCCEEDED");
    // C1: two days at Oak; C2: a day at Oak and a morning (no afternoon mark) at Elm.
    const marks = await importFile(
      db,
      tenant,
      "attendance",
      csv([
        MARK_HEADER,
        `${u1},100001,Oak Primary,2025-09-01,AM,/`,
        `${u1},100001,Oak Primary,2025-09-01,PM,\\`,
        `${u1},100001,Oak Primary,2025-09-02,AM,/`,
        `${u1},100001,Oak Primary,2025-09-02,PM,N`,
        `${u2},100001,Oak Primary,2025-09-01,AM,/`,
        `${u2},100001,Oak Primary,2025-09-01,PM,/`,
        `${u2},100002,Elm Academy,2025-09-02,AM,I`,
      ]),
    );
    expect({ status: marks.status, inserted: marks.inserted, rejected: marks.rejected }).toEqual({ status: "SUCCEEDED", inserted: 7, rejected: 0 });
    const child = async (ref: string) =>
      (await db.raw.query<{ id: number }>(`SELECT id FROM "Child" WHERE "tenantId" = $1 AND "childRef" = $2`, [tenant, ref])).rows[0]!.id;
    const school = async (urn: string) =>
      (await db.raw.query<{ id: number }>(`SELECT id FROM "School" WHERE "tenantId" = $1 AND urn = $2`, [tenant, urn])).rows[0]!.id;
    return { tenant, c1: await child("C1"), c2: await child("C2"), s1: await school("100001"), s2: await school("100002") };
  }

  /** Every day in the database, as the table owner sees them (no row-level security). */
  const allDays = async () =>
    (await db.raw.query<DayRow>(`SELECT ${DAY_COLUMNS} FROM "AttendanceDay" ORDER BY 1, 2, 3, 4`)).rows;
  /** Every session row of the view, as the owner sees them. */
  const allMarks = async () =>
    (
      await db.raw.query<{ tenantId: number; childId: number; schoolId: number; date: string; session: string; code: string }>(
        `SELECT "tenantId", "childId", "schoolId", date::text AS date, session::text AS session, code FROM "AttendanceMark" ORDER BY 1, 2, 3, 4, 5`,
      )
    ).rows;
  /** Days whose child or school does not exist in their tenant: what the triggers must never allow. */
  const orphans = async () =>
    (
      await db.raw.query<DayRow>(
        `SELECT ${DAY_COLUMNS} FROM "AttendanceDay" d
          WHERE NOT EXISTS (SELECT 1 FROM "Child" c WHERE c."tenantId" = d."tenantId" AND c.id = d."childId")
             OR NOT EXISTS (SELECT 1 FROM "School" s WHERE s."tenantId" = d."tenantId" AND s.id = d."schoolId")`,
      )
    ).rows;
  const app = <T>(tenant: number, fn: (tx: SqlRunner) => Promise<T>) => withTenantRaw(db.raw, tenant, fn);

  beforeAll(async () => {
    db = await createTestDb();
    A = await seed("integrity-a");
    B = await seed("integrity-b");
  });
  afterAll(async () => db?.close());

  it("the import writes a day per child, school and date, and the view gives its marks a session to a row", async () => {
    const days = (await allDays()).filter((d) => d.tenantId === A.tenant);
    expect(days).toEqual([
      { tenantId: A.tenant, childId: A.c1, schoolId: A.s1, date: "2025-09-01", am: "/", pm: "\\" },
      { tenantId: A.tenant, childId: A.c1, schoolId: A.s1, date: "2025-09-02", am: "/", pm: "N" },
      { tenantId: A.tenant, childId: A.c2, schoolId: A.s1, date: "2025-09-01", am: "/", pm: "/" },
      { tenantId: A.tenant, childId: A.c2, schoolId: A.s2, date: "2025-09-02", am: "I", pm: null },
    ]);
    const marks = (await allMarks()).filter((m) => m.tenantId === A.tenant).map((m) => `${m.childId === A.c1 ? "C1" : "C2"} ${m.schoolId === A.s1 ? "Oak" : "Elm"} ${m.date} ${m.session} ${m.code}`);
    expect(marks).toEqual([
      "C1 Oak 2025-09-01 AM /",
      "C1 Oak 2025-09-01 PM \\",
      "C1 Oak 2025-09-02 AM /",
      "C1 Oak 2025-09-02 PM N",
      "C2 Oak 2025-09-01 AM /",
      "C2 Oak 2025-09-01 PM /",
      "C2 Elm 2025-09-02 AM I",
    ]);
    expect(await orphans()).toEqual([]);
  });

  describe.each([
    ["as vs_app in the row's tenant (withTenantRaw)", "app"],
    ["as the table owner, without row-level security", "owner"],
  ] as const)("inserting days %s", (_label, who) => {
    // Each mode writes its own dates, so that the valid rows of one do not meet the other's.
    const month = who === "app" ? "10" : "11";
    const run = <T>(fn: (tx: SqlRunner) => Promise<T>) => (who === "app" ? app(A.tenant, fn) : fn(db.raw));
    const CHILD_FK = { code: "23503", constraint: "AttendanceDay_child_fkey" };
    const SCHOOL_FK = { code: "23503", constraint: "AttendanceDay_school_fkey" };

    it("refuses a child of another tenant, and writes nothing", async () => {
      const before = await allDays();
      await expect(run((tx) => insertDays(tx, [{ tenantId: A.tenant, childId: B.c1, schoolId: A.s1, date: `2025-${month}-01` }]))).rejects.toMatchObject(CHILD_FK);
      expect(await allDays()).toEqual(before);
    });

    it("refuses a school of another tenant, and writes nothing", async () => {
      const before = await allDays();
      await expect(run((tx) => insertDays(tx, [{ tenantId: A.tenant, childId: A.c1, schoolId: B.s1, date: `2025-${month}-01` }]))).rejects.toMatchObject(SCHOOL_FK);
      expect(await allDays()).toEqual(before);
    });

    it("refuses a child or a school that does not exist at all", async () => {
      const before = await allDays();
      const { rows } = await db.raw.query<{ child: number; school: number }>(
        `SELECT (SELECT max(id) FROM "Child") + 1000 AS child, (SELECT max(id) FROM "School") + 1000 AS school`,
      );
      const { child, school } = rows[0]!;
      await expect(run((tx) => insertDays(tx, [{ tenantId: A.tenant, childId: child, schoolId: A.s1, date: `2025-${month}-01` }]))).rejects.toMatchObject(CHILD_FK);
      await expect(run((tx) => insertDays(tx, [{ tenantId: A.tenant, childId: A.c1, schoolId: school, date: `2025-${month}-01` }]))).rejects.toMatchObject(SCHOOL_FK);
      expect(await allDays()).toEqual(before);
    });

    it("writes a day whose child and school are the tenant's own", async () => {
      const r = await run((tx) => insertDays(tx, [{ tenantId: A.tenant, childId: A.c1, schoolId: A.s2, date: `2025-${month}-02`, am: "L", pm: "/" }]));
      expect(r.affectedRows).toBe(1);
      const days = await allDays();
      expect(days).toContainEqual({ tenantId: A.tenant, childId: A.c1, schoolId: A.s2, date: `2025-${month}-02`, am: "L", pm: "/" });
      expect(await orphans()).toEqual([]);
    });

    it("writes many days of one child and school in one statement (each parent counted once)", async () => {
      const many = [3, 4, 5].flatMap((d) => [
        { tenantId: A.tenant, childId: A.c1, schoolId: A.s1, date: `2025-${month}-0${d}` },
        { tenantId: A.tenant, childId: A.c2, schoolId: A.s1, date: `2025-${month}-0${d}` },
        { tenantId: A.tenant, childId: A.c2, schoolId: A.s2, date: `2025-${month}-0${d}` },
      ]);
      expect((await run((tx) => insertDays(tx, many))).affectedRows).toBe(9);
      expect(await orphans()).toEqual([]);
    });

    it("a multi-row insert with one bad row writes none of its rows", async () => {
      const before = await allDays();
      const good = (d: number) => ({ tenantId: A.tenant, childId: A.c1, schoolId: A.s1, date: `2025-${month}-${d}` });
      await expect(run((tx) => insertDays(tx, [good(10), good(11), { ...good(12), childId: B.c2 }]))).rejects.toMatchObject(CHILD_FK);
      await expect(run((tx) => insertDays(tx, [good(13), { ...good(14), schoolId: B.s2 }, good(15)]))).rejects.toMatchObject(SCHOOL_FK);
      expect(await allDays()).toEqual(before);
    });
  });

  it("as the owner, a statement over two tenants needs each (tenant, child) pair to exist, not each id alone", async () => {
    const before = await allDays();
    // B's child is named twice: once under its own tenant (fine), once under A's (no such child).
    await expect(
      insertDays(db.raw, [
        { tenantId: B.tenant, childId: B.c1, schoolId: B.s1, date: "2025-12-01" },
        { tenantId: A.tenant, childId: B.c1, schoolId: A.s1, date: "2025-12-01" },
      ]),
    ).rejects.toMatchObject({ code: "23503", constraint: "AttendanceDay_child_fkey" });
    expect(await allDays()).toEqual(before);
    const r = await insertDays(db.raw, [
      { tenantId: B.tenant, childId: B.c1, schoolId: B.s1, date: "2025-12-01" },
      { tenantId: A.tenant, childId: A.c1, schoolId: A.s1, date: "2025-12-01" },
    ]);
    expect(r.affectedRows).toBe(2);
  });

  describe("a child's, a school's or a tenant's days go with it", () => {
    it("deleting a child (as vs_app) removes its days and its marks in the view, and no one else's", async () => {
      const s = await seed("cascade-child");
      const other = await seed("cascade-child-other");
      const before = await allDays();
      const marksBefore = await allMarks();
      expect(before.filter((d) => d.childId === s.c2)).toHaveLength(2);
      const deleted = await app(s.tenant, (tx) => tx.query(`DELETE FROM "Child" WHERE id = $1`, [s.c2]));
      expect(deleted.affectedRows).toBe(1);
      const gone = (d: { tenantId: number; childId: number }) => d.tenantId === s.tenant && d.childId === s.c2;
      expect(await allDays()).toEqual(before.filter((d) => !gone(d)));
      expect(await allMarks()).toEqual(marksBefore.filter((m) => !gone(m)));
      const seen = await app(s.tenant, (tx) => tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AttendanceMark" WHERE "childId" = $1`, [s.c2]));
      expect(seen.rows[0]!.n).toBe(0);
      expect((await allDays()).filter((d) => d.tenantId === other.tenant)).toHaveLength(4);
      expect(await orphans()).toEqual([]);
    });

    it("deleting a school (as vs_app) removes the days at it, and leaves the child's days elsewhere", async () => {
      const s = await seed("cascade-school");
      const before = await allDays();
      const marksBefore = await allMarks();
      const deleted = await app(s.tenant, (tx) => tx.query(`DELETE FROM "School" WHERE id = $1`, [s.s2]));
      expect(deleted.affectedRows).toBe(1);
      const gone = (d: { tenantId: number; schoolId: number }) => d.tenantId === s.tenant && d.schoolId === s.s2;
      expect(before.filter(gone)).toHaveLength(1);
      expect(await allDays()).toEqual(before.filter((d) => !gone(d)));
      expect(await allMarks()).toEqual(marksBefore.filter((m) => !gone(m)));
      // C2 keeps its day at the other school.
      expect((await allDays()).filter((d) => d.tenantId === s.tenant && d.childId === s.c2)).toEqual([
        { tenantId: s.tenant, childId: s.c2, schoolId: s.s1, date: "2025-09-01", am: "/", pm: "/" },
      ]);
      expect(await orphans()).toEqual([]);
    });

    it("deleting a tenant (as the owner) removes its days through its children and schools, and leaves the others'", async () => {
      const s = await seed("cascade-tenant");
      const other = await seed("cascade-tenant-other");
      const before = await allDays();
      expect(before.filter((d) => d.tenantId === s.tenant)).toHaveLength(4);
      const deleted = await db.raw.query(`DELETE FROM "Tenant" WHERE id = $1`, [s.tenant]);
      expect(deleted.affectedRows).toBe(1);
      expect(await allDays()).toEqual(before.filter((d) => d.tenantId !== s.tenant));
      expect((await allMarks()).filter((m) => m.tenantId === s.tenant)).toEqual([]);
      expect((await allDays()).filter((d) => d.tenantId === other.tenant)).toHaveLength(4);
      expect(await orphans()).toEqual([]);
    });

    it("matches a deleted child or school by tenant and id: another tenant's child with the same id keeps its days", async () => {
      const s = await seed("same-id");
      const t = await newTenant(db, "same-id-other");
      // As the owner: a child and a school of tenant t with the very ids of s's C1 and Oak.
      await db.raw.query(
        `INSERT INTO "Child" ("tenantId", id, "childRef", "firstName", "lastName", "dateOfBirth", sex) VALUES ($1, $2, 'T1', 'Tom', 'Twin', '2015-01-01', 'M')`,
        [t, s.c1],
      );
      await db.raw.query(`INSERT INTO "School" ("tenantId", id, urn) VALUES ($1, $2, '300001')`, [t, s.s1]);
      await insertDays(db.raw, [{ tenantId: t, childId: s.c1, schoolId: s.s1, date: "2025-09-01", am: "/", pm: "/" }]);
      const twin = { tenantId: t, childId: s.c1, schoolId: s.s1, date: "2025-09-01", am: "/", pm: "/" };

      await app(s.tenant, (tx) => tx.query(`DELETE FROM "Child" WHERE id = $1`, [s.c1]));
      expect((await allDays()).filter((d) => d.tenantId === s.tenant && d.childId === s.c1)).toEqual([]);
      expect((await allDays()).filter((d) => d.tenantId === t)).toEqual([twin]);

      await app(s.tenant, (tx) => tx.query(`DELETE FROM "School" WHERE id = $1`, [s.s1]));
      expect((await allDays()).filter((d) => d.tenantId === s.tenant)).toEqual([
        { tenantId: s.tenant, childId: s.c2, schoolId: s.s2, date: "2025-09-02", am: "I", pm: null },
      ]);
      expect((await allDays()).filter((d) => d.tenantId === t)).toEqual([twin]);
      expect(await orphans()).toEqual([]);
    });
  });

  describe("keys are never changed in place", () => {
    let s: Seeded;
    beforeAll(async () => {
      s = await seed("keys");
    });
    const FK = { code: "23503" };

    it("refuses to move a day to another child, school or tenant", async () => {
      const before = await allDays();
      // C1's day at Oak on 2 September: C2 has none there, so only the trigger stands in the way.
      const where = `WHERE "tenantId" = $1 AND "childId" = $2 AND "schoolId" = $3 AND date = '2025-09-02'`;
      const key = [s.tenant, s.c1, s.s1];
      await expect(app(s.tenant, (tx) => tx.query(`UPDATE "AttendanceDay" SET "childId" = $4 ${where}`, [...key, s.c2]))).rejects.toMatchObject(FK);
      await expect(db.raw.query(`UPDATE "AttendanceDay" SET "childId" = $4 ${where}`, [...key, s.c2])).rejects.toMatchObject(FK);
      await expect(app(s.tenant, (tx) => tx.query(`UPDATE "AttendanceDay" SET "schoolId" = $4 ${where}`, [...key, s.s2]))).rejects.toMatchObject(FK);
      await expect(db.raw.query(`UPDATE "AttendanceDay" SET "tenantId" = $4 ${where}`, [...key, A.tenant])).rejects.toMatchObject(FK);
      expect(await allDays()).toEqual(before);
    });

    it("refuses to change a child's or a school's id or tenant", async () => {
      const children = async () => (await db.raw.query(`SELECT "tenantId", id FROM "Child" ORDER BY 1, 2`)).rows;
      const schools = async () => (await db.raw.query(`SELECT "tenantId", id FROM "School" ORDER BY 1, 2`)).rows;
      const [childrenBefore, schoolsBefore, daysBefore] = [await children(), await schools(), await allDays()];
      const unused = (await db.raw.query<{ id: number }>(`SELECT (SELECT max(id) FROM "Child") + (SELECT max(id) FROM "School") + 1000 AS id`)).rows[0]!.id;
      await expect(app(s.tenant, (tx) => tx.query(`UPDATE "Child" SET id = $2 WHERE id = $1`, [s.c1, unused]))).rejects.toMatchObject(FK);
      await expect(db.raw.query(`UPDATE "Child" SET id = $2 WHERE "tenantId" = $3 AND id = $1`, [s.c1, unused, s.tenant])).rejects.toMatchObject(FK);
      await expect(db.raw.query(`UPDATE "Child" SET "tenantId" = $2 WHERE "tenantId" = $3 AND id = $1`, [s.c1, A.tenant, s.tenant])).rejects.toMatchObject(FK);
      await expect(app(s.tenant, (tx) => tx.query(`UPDATE "School" SET id = $2 WHERE id = $1`, [s.s1, unused]))).rejects.toMatchObject(FK);
      await expect(db.raw.query(`UPDATE "School" SET "tenantId" = $2 WHERE "tenantId" = $3 AND id = $1`, [s.s1, A.tenant, s.tenant])).rejects.toMatchObject(FK);
      // A tenant's id cascades to its children's and schools' tenantId (ON UPDATE CASCADE): refused too.
      await expect(db.raw.query(`UPDATE "Tenant" SET id = $2 WHERE id = $1`, [s.tenant, unused])).rejects.toMatchObject(FK);
      expect([await children(), await schools(), await allDays()]).toEqual([childrenBefore, schoolsBefore, daysBefore]);
      expect(await orphans()).toEqual([]);
    });

    it("updates the marks of a day, and a child's other columns, as before", async () => {
      const where = `WHERE "tenantId" = $1 AND "childId" = $2 AND "schoolId" = $3 AND date = '2025-09-02'`;
      const key = [s.tenant, s.c1, s.s1];
      const r = await app(s.tenant, (tx) => tx.query(`UPDATE "AttendanceDay" SET am = 'N' ${where}`, key));
      expect(r.affectedRows).toBe(1);
      // Setting a key column to its own value (as a whole-row update does) is no change of key.
      const same = await app(s.tenant, (tx) => tx.query(`UPDATE "AttendanceDay" SET "tenantId" = "tenantId", "childId" = "childId", "schoolId" = "schoolId", pm = 'L' ${where}`, key));
      expect(same.affectedRows).toBe(1);
      expect((await allDays()).filter((d) => d.tenantId === s.tenant && d.childId === s.c1 && d.date === "2025-09-02")).toEqual([
        { tenantId: s.tenant, childId: s.c1, schoolId: s.s1, date: "2025-09-02", am: "N", pm: "L" },
      ]);
      const marks = await app(s.tenant, (tx) =>
        tx.query<{ session: string; code: string }>(`SELECT session::text AS session, code FROM "AttendanceMark" ${where} ORDER BY session`, key),
      );
      expect(marks.rows).toEqual([
        { session: "AM", code: "N" },
        { session: "PM", code: "L" },
      ]);
      const child = await app(s.tenant, (tx) => tx.query(`UPDATE "Child" SET "firstName" = 'Anne', id = id WHERE id = $1`, [s.c1]));
      expect(child.affectedRows).toBe(1);
    });
  });

  describe("row-level security", () => {
    it("vs_app sees only its tenant's days, in the table and in the view", async () => {
      const days = await allDays();
      const marks = await allMarks();
      for (const t of [A, B]) {
        const seen = await app(t.tenant, (tx) => tx.query<DayRow>(`SELECT ${DAY_COLUMNS} FROM "AttendanceDay" ORDER BY 1, 2, 3, 4`));
        expect(seen.rows.length).toBeGreaterThan(0);
        expect(seen.rows).toEqual(days.filter((d) => d.tenantId === t.tenant));
        const seenMarks = await app(t.tenant, (tx) =>
          tx.query(`SELECT "tenantId", "childId", "schoolId", date::text AS date, session::text AS session, code FROM "AttendanceMark" ORDER BY 1, 2, 3, 4, 5`),
        );
        expect(seenMarks.rows.length).toBeGreaterThan(0);
        expect(seenMarks.rows).toEqual(marks.filter((m) => m.tenantId === t.tenant));
      }
    });

    it("vs_app with no tenant set sees no days", async () => {
      const rows = await db.raw.transaction(async (tx) => {
        await tx.exec("SET LOCAL ROLE vs_app");
        return [(await tx.query(`SELECT * FROM "AttendanceDay"`)).rows, (await tx.query(`SELECT * FROM "AttendanceMark"`)).rows];
      });
      expect(rows).toEqual([[], []]);
    });

    it("refuses a day of another tenant (WITH CHECK), even one whose child and school exist there", async () => {
      const before = await allDays();
      await expect(app(A.tenant, (tx) => insertDays(tx, [{ tenantId: B.tenant, childId: B.c1, schoolId: B.s1, date: "2026-01-05" }]))).rejects.toMatchObject({
        code: "42501",
      });
      expect(await allDays()).toEqual(before);
    });

    it("vs_app can neither change nor delete another tenant's days, nor delete its children", async () => {
      const before = await allDays();
      const [upd, del, delChild] = await app(A.tenant, async (tx) => [
        (await tx.query(`UPDATE "AttendanceDay" SET am = 'O' WHERE "tenantId" = $1`, [B.tenant])).affectedRows,
        (await tx.query(`DELETE FROM "AttendanceDay" WHERE "tenantId" = $1`, [B.tenant])).affectedRows,
        (await tx.query(`DELETE FROM "Child" WHERE "tenantId" = $1`, [B.tenant])).affectedRows,
      ]);
      expect([upd, del, delChild]).toEqual([0, 0, 0]);
      expect(await allDays()).toEqual(before);
    });

    it("vs_app may read the view but not write through it", async () => {
      const { rows } = await db.raw.query<{ sel: boolean; ins: boolean; upd: boolean; del: boolean }>(
        `SELECT has_table_privilege('vs_app', '"AttendanceMark"', 'SELECT') AS sel, has_table_privilege('vs_app', '"AttendanceMark"', 'INSERT') AS ins,
                has_table_privilege('vs_app', '"AttendanceMark"', 'UPDATE') AS upd, has_table_privilege('vs_app', '"AttendanceMark"', 'DELETE') AS del`,
      );
      expect(rows[0]).toEqual({ sel: true, ins: false, upd: false, del: false });
    });
  });

  describe("the view AttendanceMark", () => {
    const view = (date: string) =>
      app(A.tenant, (tx) =>
        tx.query<{ session: string; code: string }>(
          `SELECT session::text AS session, code FROM "AttendanceMark" WHERE "childId" = $1 AND "schoolId" = $2 AND date = $3::date ORDER BY session`,
          [A.c2, A.s1, date],
        ),
      ).then((r) => r.rows);

    it("gives a day with only a morning mark one AM row, with only an afternoon mark one PM row, with both two", async () => {
      await app(A.tenant, (tx) =>
        insertDays(tx, [
          { tenantId: A.tenant, childId: A.c2, schoolId: A.s1, date: "2026-02-02", am: "/", pm: null },
          { tenantId: A.tenant, childId: A.c2, schoolId: A.s1, date: "2026-02-03", am: null, pm: "N" },
          { tenantId: A.tenant, childId: A.c2, schoolId: A.s1, date: "2026-02-04", am: "B", pm: "\\" },
        ]),
      );
      expect(await view("2026-02-02")).toEqual([{ session: "AM", code: "/" }]);
      expect(await view("2026-02-03")).toEqual([{ session: "PM", code: "N" }]);
      expect(await view("2026-02-04")).toEqual([
        { session: "AM", code: "B" },
        { session: "PM", code: "\\" },
      ]);
    });

    it("refuses a day with no mark at all (check AttendanceDay_marked)", async () => {
      const before = await allDays();
      await expect(
        app(A.tenant, (tx) => insertDays(tx, [{ tenantId: A.tenant, childId: A.c2, schoolId: A.s1, date: "2026-02-05", am: null, pm: null }])),
      ).rejects.toMatchObject({ code: "23514" });
      expect(await allDays()).toEqual(before);
    });
  });

  // Two sessions at once: PostgreSQL only (PGlite is one connection).
  describe.runIf(testDbKind() === "postgres")("concurrent writers (PostgreSQL)", () => {
    const SCOPE = "SELECT set_config('app.tenant_id', $1, true), set_config('role', 'vs_app', true)";
    const clients: pg.Client[] = [];
    async function session(): Promise<pg.Client> {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      clients.push(c);
      return c;
    }
    afterAll(async () => {
      for (const c of clients) await c.end().catch(() => {});
    });
    /** Resolves to "waiting" when `p` has not settled within `ms` (blocked on a lock). */
    const settledWithin = (p: Promise<unknown>, ms = 500) =>
      Promise.race([p.then(() => "done", () => "failed"), new Promise((r) => setTimeout(() => r("waiting"), ms))]);
    const dayParams = (s: Seeded, childId: number, date: string) => [s.tenant, childId, s.s1, date];
    const INSERT_ONE = `INSERT INTO "AttendanceDay" ("tenantId", "childId", "schoolId", date, am, pm, "cumPossible", "cumAttended", "cumAuthorised", "cumUnauthorised", "cumNoMark")
      VALUES ($1, $2, $3, $4::date, '/', NULL, 0, 0, 0, 0, 0)`;

    it("a child's delete waits for a transaction inserting its days, then deletes them too", async () => {
      const s = await seed("conc-insert-first");
      const [w, d] = [await session(), await session()];
      await w.query("BEGIN");
      await w.query(SCOPE, [String(s.tenant)]);
      await w.query(INSERT_ONE, dayParams(s, s.c1, "2026-03-02"));
      await d.query("BEGIN");
      await d.query(SCOPE, [String(s.tenant)]);
      const del = d.query(`DELETE FROM "Child" WHERE id = $1`, [s.c1]);
      expect(await settledWithin(del)).toBe("waiting");
      await w.query("COMMIT");
      await del;
      await d.query("COMMIT");
      expect((await allDays()).filter((x) => x.tenantId === s.tenant && x.childId === s.c1)).toEqual([]);
      expect(await orphans()).toEqual([]);
    });

    it("an insert of days waits for a transaction deleting their child, then fails", async () => {
      const s = await seed("conc-delete-first");
      const [w, d] = [await session(), await session()];
      await d.query("BEGIN");
      await d.query(SCOPE, [String(s.tenant)]);
      await d.query(`DELETE FROM "Child" WHERE id = $1`, [s.c1]);
      await w.query("BEGIN");
      await w.query(SCOPE, [String(s.tenant)]);
      const ins = w.query(INSERT_ONE, dayParams(s, s.c1, "2026-03-02"));
      ins.catch(() => {});
      expect(await settledWithin(ins)).toBe("waiting");
      await d.query("COMMIT");
      await expect(ins).rejects.toMatchObject({ code: "23503" });
      await w.query("ROLLBACK");
      expect(await orphans()).toEqual([]);
    });

    it("a REPEATABLE READ insert of days for a child deleted since its snapshot fails", async () => {
      const s = await seed("conc-rr-insert");
      const [w, d] = [await session(), await session()];
      await w.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await w.query(SCOPE, [String(s.tenant)]);
      await w.query(`SELECT count(*) FROM "Child"`); // takes the snapshot: the child is there
      await d.query(`DELETE FROM "Child" WHERE "tenantId" = $1 AND id = $2`, [s.tenant, s.c1]);
      const err = await w.query(INSERT_ONE, dayParams(s, s.c1, "2026-03-02")).then(() => null, (e: { code?: string }) => e.code);
      await w.query(err ? "ROLLBACK" : "COMMIT");
      expect(["23503", "40001"]).toContain(err);
      expect(await orphans()).toEqual([]);
    });

    // A foreign key's cascade finds the referencing rows with a fresh snapshot and fails the delete
    // (40001) when one is newer than the transaction's snapshot; the triggers cannot see past the
    // snapshot, so they refuse a delete under REPEATABLE READ outright (40001): never an orphan.
    it("a REPEATABLE READ delete of a child whose days were inserted since its snapshot is refused, and leaves no orphan days", async () => {
      const s = await seed("conc-rr-delete");
      const [w, d] = [await session(), await session()];
      await d.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
      await d.query(SCOPE, [String(s.tenant)]);
      await d.query(`SELECT count(*) FROM "AttendanceDay"`); // takes the snapshot
      await w.query("BEGIN");
      await w.query(SCOPE, [String(s.tenant)]);
      await w.query(INSERT_ONE, dayParams(s, s.c1, "2026-03-02"));
      await w.query("COMMIT");
      const err = await d
        .query(`DELETE FROM "Child" WHERE id = $1`, [s.c1])
        .then(() => d.query("COMMIT"))
        .then(
          () => null,
          (e: { code?: string }) => e.code,
        );
      if (err) await d.query("ROLLBACK");
      expect(err).toBe("40001");
      expect(await orphans()).toEqual([]);
    });
  });
});
