import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantRaw } from "@/lib/db/tenant";
import type { ImportResult, RejectedRow } from "@/lib/import";
import { refreshDayTotals } from "@/lib/reports/day-totals";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, counts, csv, importFile, MARK_HEADER, newTenant, STATUS_HEADER, upn } from "../helpers/import-fixture";

// The order of an attendance file's rows changes nothing of what its import does. The loader takes a
// faster path for a file in key order (each child's rows at each school by date, AM before PM:
// lib/import/attendance.ts) and falls back to the set-based path for any other order, even
// part-way through a file; whichever path it takes, the same marks must make the same counts, the same
// rejected rows (up to their line numbers), the same marks and the same derived tables. Each file is imported
// in five orders into five tenants that are alike until then: child by child, school by school; child
// by child but with a child's schools interleaved (by date, then session, then school: the order of a
// child registered at two schools at once); day by day (date, session, child, school: a register
// export of each day); shuffled; and child by child but for one row moved, so that the order breaks
// part-way. The first three are in key order.
//
// A key repeated inside a file is the one thing where order does matter: the first row IN FILE ORDER
// holds the key (docs/data-contract.md), so reordering the rows of one key changes which code is kept, and a
// row rejected for its own code that comes first rejects a later valid row as its duplicate, while the
// same row coming later is rejected for its code alone. The five orders therefore keep the rows of
// each key in the same relative order (rows of different keys move freely), which makes every result
// comparable exactly; and a model of the contract (first row in file order wins, a row rejected for
// its own problems still holds its key) pins, for each file, which row that is.

const DUPLICATE = "upn, school_urn, date, session";
const VALID_CODES = ["/", "\\", "N", "I", "-", "D", "L", "B", "O"] as const;
const BAD_CODE = "ZZ";
const URNS = ["100001", "100002", "100003"] as const;
/** The children of every tenant, by the serial of their UPN; 99 is a UPN that matches no child. */
const KIDS = [1, 2, 3] as const;
const UNKNOWN = 99;
const ref = (serial: number) => `C${serial}`;

/** One row of attendance.csv, with how it is written (the same key can be written several ways). */
type Mark = {
  child: number;
  /** Index into URNS. */
  school: number;
  /** A day of September 2025; 31 is not a real date, so the row is rejected and holds no key. */
  day: number;
  pm: boolean;
  code: string;
  /** Date written DD/MM/YYYY rather than YYYY-MM-DD. */
  dmy: boolean;
  /** Session written in lower case. */
  lower: boolean;
  /** The school's name given (one name per URN, so the name a school ends with is order-free). */
  named: boolean;
};

const dd = (m: Mark) => String(m.day).padStart(2, "0");
const dateText = (m: Mark) => (m.dmy ? `${dd(m)}/09/2025` : `2025-09-${dd(m)}`);
const isoDate = (m: Mark) => `2025-09-${dd(m)}`;
const session = (m: Mark) => (m.pm ? "PM" : "AM");
const schoolName = (school: number) => `School ${URNS[school]}`;
const rowText = (m: Mark) =>
  `${upn(m.child)},${URNS[m.school]},${m.named ? schoolName(m.school) : ""},${dateText(m)},${m.lower ? session(m).toLowerCase() : session(m)},${m.code}`;
const validKey = (m: Mark) => m.day <= 30;
/** The key as the import reads it (date and session normalised); null when the row has no valid key. */
const keyOf = (m: Mark) => (validKey(m) ? `${m.child}|${URNS[m.school]}|${isoDate(m)}|${session(m)}` : null);
const fileOf = (rows: readonly Mark[]) => csv([MARK_HEADER, ...rows.map(rowText)]);

// ---- The five orders --------------------------------------------------------------------------------

/**
 * Key order: child (in the order children.csv created them, the unknown UPN last), URN, date, AM < PM;
 * or, `interleaved`, child, date, AM < PM, URN; or, `byDay`, date, AM < PM, child, URN.
 */
function keyOrder(rows: readonly Mark[], how: "child" | "interleaved" | "byDay" = "child"): Mark[] {
  const session = (m: Mark) => (m.pm ? 1 : 0);
  const rank = (m: Mark) =>
    how === "interleaved"
      ? [m.child, m.day, session(m), m.school]
      : how === "byDay"
        ? [m.day, session(m), m.child, m.school]
        : [m.child, m.school, m.day, session(m)];
  return rows
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      const [x, y] = [rank(a.m), rank(b.m)];
      for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! - y[k]!;
      return a.i - b.i;
    })
    .map((e) => e.m);
}

/**
 * `order` with the rows of each key put back in their order in `rows` (each key keeps the positions
 * its rows have in `order`): the first row of every key is then the same row as in `rows`.
 */
function keepKeyOrder(rows: readonly Mark[], order: readonly Mark[]): Mark[] {
  const index = new Map(rows.map((m, i) => [m, i]));
  const groups = new Map<string, Mark[]>();
  order.forEach((m) => {
    const k = keyOf(m);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), m]);
  });
  for (const g of groups.values()) g.sort((a, b) => index.get(a)! - index.get(b)!);
  const next = new Map([...groups.keys()].map((k) => [k, 0]));
  return order.map((m) => {
    const k = keyOf(m);
    if (k === null) return m;
    const i = next.get(k)!;
    next.set(k, i + 1);
    return groups.get(k)![i]!;
  });
}

type Orders = { sorted: Mark[]; interleaved: Mark[]; byDay: Mark[]; shuffled: Mark[]; moved: Mark[] };

/** The five orders: `permutation` shuffles the rows; the row at `from` of the key order moves to `to`. */
function ordersOf(rows: readonly Mark[], permutation: readonly number[], from: number, to: number): Orders {
  // The key orders keep the generated order of each key's rows already (the sort is stable).
  const sorted = keyOrder(rows);
  const interleaved = keyOrder(rows, "interleaved");
  const byDay = keyOrder(rows, "byDay");
  const shuffled = keepKeyOrder(rows, permutation.map((i) => rows[i]!));
  const moved = sorted.slice();
  const [row] = moved.splice(from, 1);
  moved.splice(to, 0, row!);
  return { sorted, interleaved, byDay, shuffled, moved: keepKeyOrder(rows, moved) };
}

// ---- Generators -------------------------------------------------------------------------------------

const codeArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...VALID_CODES) }, { weight: 1, arbitrary: fc.constant(BAD_CODE) });
/** How a row is written, apart from its key and code. */
const lookArb = fc.record({
  dmy: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  lower: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  named: fc.boolean(),
});
const markArb = (schools: number, days: number) =>
  fc
    .record({
      child: fc.constantFrom(...KIDS, UNKNOWN),
      school: fc.integer({ min: 0, max: schools - 1 }),
      day: fc.oneof({ weight: days, arbitrary: fc.integer({ min: 1, max: days }) }, { weight: 1, arbitrary: fc.constant(31) }),
      pm: fc.boolean(),
      code: codeArb,
      look: lookArb,
    })
    .map(({ look, ...m }): Mark => ({ ...m, ...look }));
/** Rows of `of` written again with a code of their own (the same or another, valid or not). */
const againArb = fc.record({ of: fc.nat(), code: codeArb, look: lookArb });
const again = (of: readonly Mark[], picks: readonly { of: number; code: string; look: Omit<Mark, "child" | "school" | "day" | "pm" | "code"> }[]) =>
  of.length === 0 ? [] : picks.map((p): Mark => ({ ...of[p.of % of.length]!, code: p.code, ...p.look }));
/** The first row of each key (rows without a valid key: each distinct text). */
const firstOfEachKey = (rows: readonly Mark[]) => {
  const seen = new Set<string>();
  return rows.filter((m) => {
    const k = keyOf(m) ?? rowText(m);
    return seen.has(k) ? false : (seen.add(k), true);
  });
};
/**
 * Rows with unique keys, then, in about half the files, some of them again (repeated keys). A file in
 * key order without repeated keys stays in order to its end; with them, its order breaks at the
 * first repeat (the same key again is not after the one before).
 */
const withRepeats = (unique: readonly Mark[]) =>
  fc.oneof(fc.constant([]), fc.array(againArb, { minLength: 1, maxLength: 4 })).map((picks) => [...unique, ...again(unique, picks)]);
const rowsArb = (schools: number, maxLength: number) =>
  fc.array(markArb(schools, 30), { minLength: 1, maxLength, size: "max" }).chain((marks) => withRepeats(firstOfEachKey(marks)));

/** The five orders of `rows`, and a batch size (the default, or small ones that cut the file). */
const withOrders = (rows: Mark[]) =>
  fc
    .record({
      permutation: fc.shuffledSubarray(
        rows.map((_, i) => i),
        { minLength: rows.length, maxLength: rows.length },
      ),
      from: fc.nat(rows.length - 1),
      to: fc.nat(Math.max(0, rows.length - 2)),
      batchSize: fc.constantFrom(undefined, 3, 8),
    })
    // `to` skips `from`, so that the row does move (a file of one row cannot change).
    .map(({ permutation, from, to, batchSize }) => {
      const orders = ordersOf(rows, permutation, from, to < from ? to : to + 1);
      return shownAs({ batchSize, ...orders }, { ...orders, batchSize });
    });

/** `value`, which a counterexample shows as the files (`files`' arrays of rows) and other values given. */
function shownAs<T extends object>(value: T, files: Record<string, readonly Mark[] | number | undefined>): T {
  const text = Object.entries(files)
    .map(([name, v]) => (Array.isArray(v) ? `${name}:\n${[MARK_HEADER, ...v.map(rowText)].join("\n")}` : `${name}: ${String(v)}`))
    .join("\n");
  return Object.assign(value, { [fc.toStringMethod]: () => `\n${text}\n` });
}

// ---- The model of the contract ----------------------------------------------------------------------

type Model = {
  /** The tenant's marks after the file, "childRef urn date session" to code. */
  marks: Map<string, string>;
  /** Its marks kept aside for the unknown UPN, "upn urn date session" to code. */
  unmatched: Map<string, string>;
  counts: { status: "SUCCEEDED"; inserted: number; updated: number; unchanged: number; rejected: number; unmatched: number };
  rejectedRows: RejectedRow[];
};

/**
 * What importing `rows` (in this order) into a tenant holding `prior` does: the first row of each key
 * in file order holds it; a row rejected for its own problems still holds its valid key; a later valid
 * row with a held key is rejected as a duplicate of the first line; a later row with its own problems
 * is rejected for them alone.
 */
function model(rows: readonly Mark[], prior: Pick<Model, "marks" | "unmatched"> = { marks: new Map(), unmatched: new Map() }): Model {
  const marks = new Map(prior.marks);
  const unmatched = new Map(prior.unmatched);
  const held = new Map<string, number>();
  const rejectedRows: RejectedRow[] = [];
  const c = { status: "SUCCEEDED" as const, inserted: 0, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 };
  rows.forEach((m, i) => {
    const line = i + 2;
    const problems: RejectedRow[] = [];
    if (!validKey(m)) problems.push({ line, column: "date", reason: `${dateText(m)} is not a real date` });
    if (!(VALID_CODES as readonly string[]).includes(m.code)) problems.push({ line, column: "code", reason: `unknown register code "${m.code}"` });
    const key = keyOf(m);
    const first = key === null ? undefined : held.get(key);
    if (key !== null && first === undefined) held.set(key, line);
    if (problems.length === 0 && first !== undefined) problems.push({ line, column: DUPLICATE, reason: `duplicate of line ${first}` });
    if (problems.length > 0) {
      rejectedRows.push(...problems);
      c.rejected++;
      return;
    }
    const at = `${URNS[m.school]} ${isoDate(m)} ${session(m)}`;
    if (m.child === UNKNOWN) {
      unmatched.set(`${upn(m.child)} ${at}`, m.code);
      c.unmatched++;
      return;
    }
    const k = `${ref(m.child)} ${at}`;
    const before = marks.get(k);
    if (before === undefined) c.inserted++;
    else if (before === m.code) c.unchanged++;
    else c.updated++;
    marks.set(k, m.code);
  });
  return { marks, unmatched, counts: c, rejectedRows };
}

const listed = (m: Map<string, string>) => [...m].map(([k, code]) => `${k} ${code}`).sort();

/**
 * The rejected rows of a file as (row text, column, reason), the reason's "duplicate of line N" naming
 * line N's text instead: the same problems of the same rows whatever lines the rows are on.
 */
function problemsByText(rows: readonly Mark[], rejected: readonly RejectedRow[]): string[] {
  const text = (line: number) => {
    const row = rows[line - 2];
    if (!row) throw new Error(`rejected row names line ${line}, which the file does not have`);
    return rowText(row);
  };
  return rejected
    .map((r) => JSON.stringify([text(r.line), r.column, r.reason.replace(/duplicate of line (\d+)/, (_, n: string) => `duplicate of [${text(Number(n))}]`)]))
    .sort();
}

// ---- The tests --------------------------------------------------------------------------------------

/**
 * Each run imports a dozen files; shrinking a failure can take minutes. The time limit (below the
 * test's 60 s) stops the search and reports the smallest failing input found by then, rather than a
 * timeout that shows none.
 */
const PROPERTY_RUNS = (numRuns: number) => ({ numRuns, plugins: [fc.interruptAfterTimeLimit(45_000)] });

describe("import: attendance rows in any order", () => {
  let db: TestDb;
  let tenants = 0;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db?.close());

  /** A tenant with the three children and some statuses (so that ChildCohortSpan has rows), no marks yet. */
  async function freshTenant(): Promise<number> {
    const tenant = await newTenant(db, `order-${++tenants}`);
    const kids = KIDS.map((i) => `${ref(i)},${upn(i)},Kid,Smith,2015-01-01,F,,,,,`);
    expect(counts(await importFile(db, tenant, "children", csv([CHILD_HEADER, ...kids])))).toMatchObject({ status: "SUCCEEDED", inserted: 3 });
    const statuses = csv([STATUS_HEADER, "C1,CIN,2025-09-01,2025-09-20", "C1,CLA,2025-09-10,", "C2,CP,2025-09-05,", "C3,KIN,2025-09-01,"]);
    expect(counts(await importFile(db, tenant, "statuses", statuses))).toMatchObject({ status: "SUCCEEDED", inserted: 4 });
    return tenant;
  }

  // The derived tables with children by childRef and schools by URN, so that tenants compare.
  const TABLES = [
    `SELECT c."childRef", s.urn, to_char(d.date, 'YYYY-MM-DD') d, d.am, d.pm, d."cumPossible", d."cumAttended", d."cumAuthorised", d."cumUnauthorised", d."cumNoMark"
       FROM "AttendanceDay" d JOIN "Child" c ON c."tenantId" = d."tenantId" AND c.id = d."childId" JOIN "School" s ON s."tenantId" = d."tenantId" AND s.id = d."schoolId"
      WHERE d."tenantId" = $1 ORDER BY 1, 2, 3`,
    `SELECT c."childRef", s.urn, x."firstDate"::text, x."lastDate"::text, x."cumPossible", x."cumAttended", x."cumAuthorised", x."cumUnauthorised", x."cumNoMark"
       FROM "ChildSchoolSpan" x JOIN "Child" c ON c."tenantId" = x."tenantId" AND c.id = x."childId" JOIN "School" s ON s."tenantId" = x."tenantId" AND s.id = x."schoolId"
      WHERE x."tenantId" = $1 ORDER BY 1, 2`,
    `SELECT c."childRef", x.cohort::text, x."startDate"::text, x."endDate"::text, x."beforePossible", x."beforeAttended", x."beforeAuthorised", x."beforeUnauthorised",
            x."beforeNoMark", x."endPossible", x."endAttended", x."endAuthorised", x."endUnauthorised", x."endNoMark"
       FROM "ChildCohortSpan" x JOIN "Child" c ON c."tenantId" = x."tenantId" AND c.id = x."childId" WHERE x."tenantId" = $1 ORDER BY 1, 2, 3`,
    `SELECT upn, "schoolUrn", "schoolName", date::text, session::text, code FROM "UnmatchedMark" WHERE "tenantId" = $1 ORDER BY 1, 2, 4, 5`,
    `SELECT urn, name FROM "School" WHERE "tenantId" = $1 ORDER BY urn`,
  ];
  const derived = (tenant: number) =>
    withTenantRaw(db.raw, tenant, async (tx) => Promise.all(TABLES.map(async (sql) => (await tx.query(sql, [tenant])).rows)));
  const rebuilt = async (tenant: number) => {
    await withTenantRaw(db.raw, tenant, (tx) => refreshDayTotals(tx, tenant));
    return derived(tenant);
  };

  /** The tenant's marks (the view over AttendanceDay) and unmatched marks, as the model lists them. */
  async function marksOf(tenant: number) {
    return withTenantRaw(db.raw, tenant, async (tx) => {
      const marks = await tx.query<{ m: string }>(
        `SELECT c."childRef" || ' ' || s.urn || ' ' || to_char(m.date, 'YYYY-MM-DD') || ' ' || m.session || ' ' || m.code AS m
           FROM "AttendanceMark" m JOIN "Child" c ON c."tenantId" = m."tenantId" AND c.id = m."childId"
           JOIN "School" s ON s."tenantId" = m."tenantId" AND s.id = m."schoolId" WHERE m."tenantId" = $1`,
        [tenant],
      );
      const unmatched = await tx.query<{ m: string }>(
        `SELECT upn || ' ' || "schoolUrn" || ' ' || to_char(date, 'YYYY-MM-DD') || ' ' || session || ' ' || code AS m FROM "UnmatchedMark" WHERE "tenantId" = $1`,
        [tenant],
      );
      return { marks: marks.rows.map((r) => r.m).sort(), unmatched: unmatched.rows.map((r) => r.m).sort() };
    });
  }

  /**
   * Imports the five orders of a file, each into its own tenant made by `prepare` (the tenants then
   * hold `prior`), and asserts that each result is the model's for its file, that the results agree
   * with each other, and that each tenant's derived tables equal a full rebuild.
   */
  async function importInEveryOrder(orders: Orders, batchSize: number | undefined, prepare: () => Promise<number>, prior?: Pick<Model, "marks" | "unmatched">) {
    const results: { rows: Mark[]; tenant: number; result: ImportResult }[] = [];
    for (const rows of [orders.sorted, orders.interleaved, orders.byDay, orders.shuffled, orders.moved]) {
      const tenant = await prepare();
      const result = await importFile(db, tenant, "attendance", fileOf(rows), { batchSize });
      results.push({ rows, tenant, result });
    }
    for (const { rows, tenant, result } of results) {
      // Each file on its own, against the model of that file: the counts, the rejected rows line by
      // line (a duplicate names the first line of its key in this file's order), and the marks.
      const expected = model(rows, prior);
      expect(counts(result)).toEqual(expected.counts);
      expect(result.rejectedRows).toEqual(expected.rejectedRows);
      expect(await marksOf(tenant)).toEqual({ marks: listed(expected.marks), unmatched: listed(expected.unmatched) });
    }
    // The five orders against each other: counts, problems by row text, and every derived table.
    const seen = [];
    for (const { rows, tenant, result } of results) {
      seen.push({ counts: counts(result), problems: problemsByText(rows, result.rejectedRows), tables: await derived(tenant) });
    }
    const [a, ...others] = seen;
    for (const o of others) expect(o).toEqual(a);
    // And each tenant's derived tables equal a full rebuild from its marks.
    for (const { tenant } of results) expect(await rebuilt(tenant)).toEqual(a!.tables);
  }

  it("gives the same results for a tenant's first file child by child, interleaved, day by day, shuffled, or with the order broken part-way", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 3 }).chain((schools) => rowsArb(schools, 30).chain(withOrders)),
        async ({ batchSize, ...orders }) => {
          await importInEveryOrder(orders, batchSize, freshTenant);
        },
      ),
      PROPERTY_RUNS(15),
    );
  });

  it("gives the same results for a file into a tenant that already holds marks, whatever the file's order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 2, max: 3 })
          .chain((schools) => fc.tuple(rowsArb(schools, 30), fc.array(markArb(schools, 30), { minLength: 1, maxLength: 20, size: "max" }), fc.array(againArb, { minLength: 1, maxLength: 12 })))
          // The file: random rows and rows on keys of the base file (the same code or another), then
          // perhaps some of them again.
          .chain(([base, marks, picks]) => withRepeats(firstOfEachKey([...marks, ...again(base, picks)])).map((rows) => ({ base, rows })))
          .chain(({ base, rows }) => withOrders(rows).map(({ batchSize, ...orders }) => shownAs({ base, batchSize, ...orders }, { base, ...orders, batchSize }))),
        async ({ base, batchSize, ...orders }) => {
          const baseFile = fileOf(base);
          const prepare = async () => {
            const tenant = await freshTenant();
            expect((await importFile(db, tenant, "attendance", baseFile)).status).toBe("SUCCEEDED");
            return tenant;
          };
          await importInEveryOrder(orders, batchSize, prepare, model(base));
        },
      ),
      PROPERTY_RUNS(12),
    );
  });

  const line = (child: number, day: number, sess: "AM" | "PM", code: string) => `${upn(child)},100001,Oak Primary,2025-09-0${day},${sess},${code}`;

  // Two children, five days each at one school: in key order, and in two orders that break part-way.
  // The file that breaks is imported as the file in key order is, whichever row the break comes at,
  // with the default batch and with batches of 3 (so that the break falls inside a batch and days in
  // key order were staged by earlier batches).
  it("imports a file whose order breaks part-way like the same file in key order", async () => {
    const codes = ["/", "\\", "N", "I", "L", "-", "/", "O", "B", "D"];
    const rowsOf = (child: number, days: number[]) =>
      days.flatMap((d) => [line(child, d, "AM", codes[(child + 2 * d) % codes.length]!), line(child, d, "PM", codes[(child + 2 * d + 1) % codes.length]!)]);
    const sorted = [...rowsOf(1, [1, 2, 3, 4, 5]), ...rowsOf(2, [1, 2, 3, 4, 5])];
    const broken = {
      // The last child's rows for one day first, then the file in key order without them.
      "last child's first day first": [...rowsOf(2, [1]), ...rowsOf(1, [1, 2, 3, 4, 5]), ...rowsOf(2, [2, 3, 4, 5])],
      // The first child's second day before its first: out of order from the third row.
      "a later day first": [...rowsOf(1, [2, 1, 3, 4, 5]), ...rowsOf(2, [1, 2, 3, 4, 5])],
    };
    for (const batchSize of [undefined, 3]) {
      const tenant = await freshTenant();
      const r = await importFile(db, tenant, "attendance", csv([MARK_HEADER, ...sorted]), { batchSize });
      expect(counts(r)).toEqual({ status: "SUCCEEDED", inserted: 20, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 });
      const expected = { tables: await derived(tenant), marks: await marksOf(tenant) };
      // Ten days of twenty marks: the comparisons below are not of empty tables.
      expect(expected.tables[0]).toHaveLength(10);
      expect(expected.marks.marks).toHaveLength(20);
      expect(await rebuilt(tenant)).toEqual(expected.tables);
      for (const [name, rows] of Object.entries(broken)) {
        expect(rows.slice().sort(), name).toEqual(sorted.slice().sort());
        const other = await freshTenant();
        const b = await importFile(db, other, "attendance", csv([MARK_HEADER, ...rows]), { batchSize });
        expect(counts(b), name).toEqual(counts(r));
        expect({ tables: await derived(other), marks: await marksOf(other) }, name).toEqual(expected);
        expect(await rebuilt(other), name).toEqual(expected.tables);
      }
    }
  });

  // A row rejected for its own problems (here its code) but with a valid key holds that key: a later
  // valid row with the key is rejected as its duplicate, and nothing is written for the key, whether
  // the two rows are next to each other in key order or far apart with the order broken between them.
  // The other way round, the valid row first, the later row is rejected for its code only (rows
  // rejected for their own problems are not listed again as duplicates) and the valid row's mark holds.
  it("rejects a valid row after a row held for its key alone as its duplicate, in key order or not", async () => {
    const cases = [
      {
        name: "held row and its duplicate next to each other, the rest in key order",
        rows: [line(1, 1, "AM", "ZZ"), line(1, 1, "AM", "/"), line(1, 1, "PM", "/"), line(2, 1, "AM", "N")],
        rejected: [
          { line: 2, column: "code", reason: 'unknown register code "ZZ"' },
          { line: 3, column: DUPLICATE, reason: "duplicate of line 2" },
        ],
        marks: [`C1 100001 2025-09-01 PM /`, `C2 100001 2025-09-01 AM N`],
      },
      {
        name: "held row, other rows, then its duplicate out of order",
        rows: [line(1, 1, "AM", "ZZ"), line(1, 1, "PM", "/"), line(2, 1, "AM", "N"), line(2, 2, "PM", "I"), line(1, 1, "AM", "/")],
        rejected: [
          { line: 2, column: "code", reason: 'unknown register code "ZZ"' },
          { line: 6, column: DUPLICATE, reason: "duplicate of line 2" },
        ],
        marks: [`C1 100001 2025-09-01 PM /`, `C2 100001 2025-09-01 AM N`, `C2 100001 2025-09-02 PM I`],
      },
      {
        name: "valid row and a row with its key and a bad code next to each other, the rest in key order",
        rows: [line(1, 1, "AM", "/"), line(1, 1, "AM", "ZZ"), line(1, 1, "PM", "/"), line(2, 1, "AM", "N")],
        rejected: [{ line: 3, column: "code", reason: 'unknown register code "ZZ"' }],
        marks: [`C1 100001 2025-09-01 AM /`, `C1 100001 2025-09-01 PM /`, `C2 100001 2025-09-01 AM N`],
      },
      {
        name: "valid row, other rows, then a row with its key and a bad code",
        rows: [line(1, 1, "AM", "/"), line(1, 1, "PM", "/"), line(2, 1, "AM", "N"), line(1, 1, "AM", "ZZ")],
        rejected: [{ line: 5, column: "code", reason: 'unknown register code "ZZ"' }],
        marks: [`C1 100001 2025-09-01 AM /`, `C1 100001 2025-09-01 PM /`, `C2 100001 2025-09-01 AM N`],
      },
    ];
    for (const c of cases) {
      for (const batchSize of [undefined, 2]) {
        const tenant = await freshTenant();
        const r = await importFile(db, tenant, "attendance", csv([MARK_HEADER, ...c.rows]), { batchSize });
        const inserted = c.marks.length;
        expect(counts(r), c.name).toEqual({ status: "SUCCEEDED", inserted, updated: 0, unchanged: 0, rejected: c.rows.length - inserted, unmatched: 0 });
        expect(r.rejectedRows, c.name).toEqual(c.rejected);
        expect((await marksOf(tenant)).marks, c.name).toEqual(c.marks);
      }
    }
    // In a tenant that already holds a mark for the key, the held row keeps the later row from
    // changing it, whichever the order around them.
    for (const [rows, duplicateLine] of [
      [[line(1, 1, "AM", "ZZ"), line(1, 1, "AM", "/"), line(1, 1, "PM", "/")], 3],
      [[line(1, 1, "AM", "ZZ"), line(1, 1, "PM", "/"), line(2, 1, "AM", "N"), line(1, 1, "AM", "/")], 5],
    ] as const) {
      const tenant = await freshTenant();
      expect(counts(await importFile(db, tenant, "attendance", csv([MARK_HEADER, line(1, 1, "AM", "I")])))).toMatchObject({ inserted: 1 });
      const r = await importFile(db, tenant, "attendance", csv([MARK_HEADER, ...rows]));
      expect(counts(r)).toEqual({ status: "SUCCEEDED", inserted: rows.length - 2, updated: 0, unchanged: 0, rejected: 2, unmatched: 0 });
      expect(r.rejectedRows).toEqual([
        { line: 2, column: "code", reason: 'unknown register code "ZZ"' },
        { line: duplicateLine, column: DUPLICATE, reason: "duplicate of line 2" },
      ]);
      expect((await marksOf(tenant)).marks).toContain("C1 100001 2025-09-01 AM I");
      const tables = await derived(tenant);
      expect(await rebuilt(tenant)).toEqual(tables);
    }
  });
});
