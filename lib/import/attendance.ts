import { ALL_CODES, emptyCounts, tallyCode } from "@/lib/attendance";
import type { CopyIn } from "@/lib/db/raw";
import { finishFirstMarks, insertDaysWithTotals, mergeMarks } from "@/lib/reports/day-totals";
import type { AttendanceMarkKey, AttendanceMarkRow } from "@/lib/schemas/attendance-mark";
import {
  BATCH_DAYS_SQL,
  DAY_BLOCKS_SQL,
  DAYS_SQL,
  daySessionsSql,
  DUPLICATES_SQL,
  MERGE_UNMATCHED_SQL,
  NEW_SCHOOLS_SQL,
  ORDERED_DAYS_SQL,
  SAVE_SCHOOLS_SQL,
  STAGE_COPY,
  STAGE_SQL,
  STAGE_DAY_COPY,
  STAGE_DAY_SQL,
  STAGING_SQL,
  UNIQUE_KEYS_SQL,
} from "./attendance-sql";
import { WriteQueue } from "./batches";
import { ownCopy } from "./attendance-fast";
import type { Counts, Loader, LoaderContext } from "./loader";
import { REJECTED_ROWS_LISTED } from "./types";

// attendance.csv, upserted by upn + school_urn + date + session. Files run to millions of rows: each
// batch of rows is appended to a temporary table as soon as it is read (while the next batch is
// parsed), so memory stays at a couple of batches; at the end the whole file is merged at once, a
// register day to a row, by mergeMarks (day-totals.ts), which keeps the running totals exact. A row
// whose UPN matches no child is kept in UnmatchedMark.
//
// A file in key order (each child's rows at each school by date, AM before PM: a register export lists
// them so, pupil by pupil or day by day) is folded into days as it is read, with each day's running
// totals counted on the way: it can hold no repeated key, and a tenant's first marks go into
// AttendanceDay batch by batch while the next rows are read, with no sort. From the first row out of
// that order on, rows are staged a session to a row, and the file's repeated keys are found in SQL
// (attendance-sql.ts), so that memory does not grow with the file; the results are the same either way
// (tests/integration/import-order.test.ts).

const DUPLICATE_COLUMN = "upn, school_urn, date, session";

type School = { id: number; name: string | null };

/** The session counts of each valid code, in the order of AttendanceDay's cum columns. */
const CODE_COUNTS = new Map<string, readonly number[]>(
  ALL_CODES.map((code) => {
    const c = emptyCounts();
    tallyCode(c, code);
    return [code, [c.possible, c.attended, c.authorised, c.unauthorised, c.noMark]];
  }),
);
const NO_COUNTS = [0, 0, 0, 0, 0] as const;
/**
 * Days are written in batches of this many row batches (a day holds two rows): a write of days is
 * several statements, each of whose replies waits for the reading to pause (run-import), so fewer,
 * larger writes go faster, and larger still cost memory. Measured at 10,000 children, pausing every
 * 500 rows: 2, 20.6 s and 364 MB; 4, 19.0 s and 376 MB; pausing every 2,000 rows: 1, 34 s and 339 MB;
 * 8, 18-20 s and 445-456 MB.
 */
const DAY_BATCHES = 2;

/** A register day being folded from rows in key order: the line and code of each session read. */
type Day = { ckey: number; skey: number; date: string; lineAm: number | null; am: string | null; linePm: number | null; pm: string | null };
type Folding = { day: Day; totals: number[] };

/** A batch of days as COPY text (PostgreSQL) or as the columns of STAGE_DAY_SQL. */
class DayBatch {
  size = 0;
  /** The days of known children with a mark (they are written), and their URN keys. */
  written = 0;
  readonly skeys = new Set<number>();
  text = "";
  readonly columns: (number | string | null)[][] | null;
  constructor(
    readonly n: number,
    copy: boolean,
  ) {
    this.columns = copy ? null : Array.from({ length: 13 }, () => []);
  }
  push(d: Day, t: readonly number[]): void {
    this.size++;
    if (d.ckey > 0 && (d.am !== null || d.pm !== null)) {
      this.written++;
      this.skeys.add(d.skey);
    }
    if (this.columns === null) {
      this.text += `${this.n}\t${d.ckey}\t${d.skey}\t${d.date}\t${d.lineAm ?? "\\N"}\t${copyText(d.am)}\t${d.linePm ?? "\\N"}\t${copyText(d.pm)}\t${t[0]}\t${t[1]}\t${t[2]}\t${t[3]}\t${t[4]}\n`;
      return;
    }
    const values = [this.n, d.ckey, d.skey, d.date, d.lineAm, d.am, d.linePm, d.pm, ...t];
    for (let i = 0; i < 13; i++) this.columns[i]!.push(values[i]!);
  }
}

/** A batch of rows as the columns of STAGE_SQL. */
class Batch {
  line: number[] = [];
  ckey: number[] = [];
  skey: number[] = [];
  date: string[] = [];
  session: string[] = [];
  code: (string | null)[] = [];
  get size(): number {
    return this.line.length;
  }
}

export class AttendanceLoader implements Loader<AttendanceMarkRow, AttendanceMarkKey> {
  private readonly childIds = new Map<string, number>();
  private readonly unknownUpns = new Map<string, number>();
  private readonly urnKeys = new Map<string, number>();
  private readonly schools = new Map<string, School>();
  /** Per URN of a valid row: the last school name the file gives for it (null: none yet). */
  private readonly schoolNames = new Map<string, string | null>();
  private batch = new Batch();
  private readonly queue = new WriteQueue();
  /** The one COPY the file's rows are staged by (PostgreSQL), open from the first batch to finish(). */
  private copy: CopyIn | null = null;
  /** Whether every row so far came in key order (see the top): rows are folded into days. */
  private ordered = true;
  /** Per child (its key) and school (URN key): the day being folded, and the running totals before it. */
  private readonly folding = new Map<number, Map<number, Folding>>();
  /** The child of the last row folded, and its schools (a child's rows mostly come together). */
  private child: number | null = null;
  private childSchools: Map<number, Folding> | undefined;
  private dayBatch: DayBatch;
  private daysStaged = 0;
  private dayBatches = 0;
  /** The COPY the days are staged by (PostgreSQL), while the rows are in key order. */
  private dayCopy: CopyIn | null = null;
  /**
   * Whether folded days are written into AttendanceDay batch by batch as they are read (while the
   * next batch is read): the tenant's first marks, while the rows are in key order. Undone if they
   * leave it.
   */
  private direct = false;
  /** The URN of each URN key (key 1 first), and the keys whose school id import_school holds. */
  private readonly urnsByKey: string[] = [];
  private readonly savedKeys = new Set<number>();
  private keyOnly = 0;
  /** The school id of each URN key (key 1 first), once the schools are saved. */
  private readonly schoolIdsByKey: (number | null)[] = [];
  /** Valid rows of known children and of unknown UPNs, duplicates included. */
  private known = 0;
  private unknown = 0;

  constructor(private readonly ctx: LoaderContext) {
    this.dayBatch = this.newDayBatch();
  }

  async begin(): Promise<void> {
    const { tx, tenantId } = this.ctx;
    const children = await tx.query<{ upn: string; id: number }>(
      `SELECT upn, id FROM "Child" WHERE "tenantId" = $1 AND upn IS NOT NULL`,
      [tenantId],
    );
    for (const c of children.rows) this.childIds.set(c.upn, c.id);
    await this.loadSchools();
    // Memory for the sorts of the merge and the day totals, for the unique index over the file, and for
    // the hash tables of the stored windows and trend computed after it (run-import), until the commit.
    await tx.exec("SET LOCAL work_mem = '64MB'; SET LOCAL maintenance_work_mem = '256MB'");
    await tx.exec(STAGING_SQL);
    // The import holds the tenant's import lock: no other writer of marks runs until it commits.
    this.direct = (await tx.query(`SELECT 1 FROM "AttendanceDay" WHERE "tenantId" = $1 LIMIT 1`, [tenantId])).rows.length === 0;
    this.dayBatch = this.newDayBatch();
  }

  add(line: number, row: AttendanceMarkRow): Promise<void> | void {
    // The school's name is taken from the last row that gives one.
    const name = row.schoolName;
    if (name !== null) {
      if (this.schoolNames.get(row.schoolUrn) !== name) this.schoolNames.set(ownCopy(row.schoolUrn), ownCopy(name));
    } else if (!this.schoolNames.has(row.schoolUrn)) {
      this.schoolNames.set(ownCopy(row.schoolUrn), null);
    }
    return this.push(line, row, row.code);
  }

  holdKey(line: number, key: AttendanceMarkKey): Promise<void> | void {
    this.keyOnly++;
    return this.push(line, key, null);
  }

  private push(line: number, key: AttendanceMarkKey, code: string | null): Promise<void> | void {
    const ckey = this.childKey(key.upn);
    const skey = this.urnKey(key.schoolUrn);
    if (code !== null) {
      if (ckey > 0) this.known++;
      else this.unknown++;
    }
    if (this.ordered) {
      if (this.inOrder(ckey, skey, key.date, key.session)) return this.fold(line, ckey, skey, key.date, key.session, code);
      return this.leaveOrder().then(() => this.pushSession(line, ckey, skey, key.date, key.session, code));
    }
    return this.pushSession(line, ckey, skey, key.date, key.session, code);
  }

  private pushSession(line: number, ckey: number, skey: number, date: string, session: string, code: string | null): Promise<void> | void {
    const b = this.batch;
    b.line.push(line);
    b.ckey.push(ckey);
    b.skey.push(skey);
    b.date.push(date);
    b.session.push(session);
    b.code.push(code);
    if (b.size >= this.ctx.batchSize) return this.flush();
  }

  /** The schools of a child being folded (cached for the child of the last row). */
  private schoolsOf(ckey: number): Map<number, Folding> | undefined {
    if (ckey !== this.child) {
      this.child = ckey;
      this.childSchools = this.folding.get(ckey);
    }
    return this.childSchools;
  }

  /** Whether a row with this key keeps the file in key order: after the child's last row at that school. */
  private inOrder(ckey: number, skey: number, date: string, session: string): boolean {
    const d = this.schoolsOf(ckey)?.get(skey)?.day;
    return d === undefined || date > d.date || (date === d.date && session === "PM" && d.linePm === null);
  }

  /** Adds a row in key order to its day; a new day at a school ends the one before there. */
  private fold(line: number, ckey: number, skey: number, date: string, session: string, code: string | null): Promise<void> | void {
    let schools = this.schoolsOf(ckey);
    if (schools === undefined) {
      schools = new Map();
      this.folding.set(ckey, schools);
      this.childSchools = schools;
    }
    const school = schools.get(skey);
    if (school !== undefined && school.day.date === date) {
      school.day.linePm = line;
      school.day.pm = code;
      return;
    }
    const am = session === "AM";
    const day = { ckey, skey, date, lineAm: am ? line : null, am: am ? code : null, linePm: am ? null : line, pm: am ? null : code };
    if (school === undefined) {
      schools.set(skey, { day, totals: [0, 0, 0, 0, 0] });
    } else {
      this.endDay(school.day, school.totals);
      school.day = day;
    }
    if (this.dayBatch.size >= this.ctx.batchSize * DAY_BATCHES) return this.flushDays();
  }

  /** Stages a folded day with the running totals of its child and school up to its end. */
  private endDay(d: Day, totals: number[]): void {
    const am = d.am === null ? NO_COUNTS : CODE_COUNTS.get(d.am)!;
    const pm = d.pm === null ? NO_COUNTS : CODE_COUNTS.get(d.pm)!;
    for (let i = 0; i < 5; i++) totals[i]! += am[i]! + pm[i]!;
    this.dayBatch.push(d, totals);
  }

  /** Stages the day being folded of every child and school (at the end of the rows in key order). */
  private endFolding(): void {
    for (const schools of this.folding.values()) for (const school of schools.values()) this.endDay(school.day, school.totals);
    this.folding.clear();
    this.child = null;
    this.childSchools = undefined;
  }

  /**
   * At the first row out of key order: the days folded so far are staged as they are (finish() hands
   * their sessions to the set-based path), and rows are staged a session to a row from here on.
   */
  private async leaveOrder(): Promise<void> {
    this.ordered = false;
    this.endFolding();
    await this.flushDays(true);
    if (this.direct) {
      // The days written so far are the tenant's only ones: they go, and are merged with the rest.
      this.direct = false;
      await this.queue.push(async () => {
        await this.ctx.tx.query(`DELETE FROM "AttendanceDay" WHERE "tenantId" = $1`, [this.ctx.tenantId]);
      });
    }
  }

  private async flushDays(last = false): Promise<void> {
    const b = this.dayBatch;
    this.dayBatch = this.newDayBatch();
    this.daysStaged += b.size;
    const direct = this.direct;
    await this.queue.push(async () => {
      if (b.size > 0) await (direct ? this.writeDays(b) : this.stageDays(b));
      if (last) await this.dayCopy?.end();
      if (last) this.dayCopy = null;
    });
  }

  private newDayBatch(): DayBatch {
    return new DayBatch(++this.dayBatches, this.ctx.tx.copyIn !== undefined);
  }

  /** Stages a batch of a tenant's first marks in import_day, and writes it into AttendanceDay. */
  private async writeDays(b: DayBatch): Promise<void> {
    const { tx, tenantId } = this.ctx;
    await this.saveSchoolKeys([...b.skeys].filter((k) => !this.savedKeys.has(k)));
    const { rows } = await tx.query<{ blocks: number }>(DAY_BLOCKS_SQL);
    await this.stageDays(b);
    await this.dayCopy?.end();
    this.dayCopy = null;
    const written = await insertDaysWithTotals(tx, BATCH_DAYS_SQL, [tenantId, `(${Math.max(0, rows[0]!.blocks - 1)},0)`, b.n]);
    if (written !== b.written) throw new Error(`Wrote ${written} of the ${b.written} days of import batch ${b.n}`);
  }

  /** Creates the schools of these URN keys that are new (named as the file names them so far), and their import_school rows. */
  private async saveSchoolKeys(keys: number[]): Promise<void> {
    if (keys.length === 0) return;
    const { tx, tenantId } = this.ctx;
    const urns = keys.map((k) => this.urnsByKey[k - 1]!);
    const fresh = urns.filter((u) => !this.schools.has(u));
    if (fresh.length > 0) {
      await tx.query(NEW_SCHOOLS_SQL, [tenantId, fresh, fresh.map((u) => this.schoolNames.get(u) ?? null)]);
      await this.loadSchools(fresh);
    }
    await tx.query(`INSERT INTO pg_temp.import_school (skey, school_id) SELECT * FROM unnest($1::int[], $2::int[])`, [
      keys,
      urns.map((u) => this.schools.get(u)!.id),
    ]);
    for (const k of keys) this.savedKeys.add(k);
  }

  private async flush(): Promise<void> {
    const b = this.batch;
    this.batch = new Batch();
    if (b.size > 0) await this.queue.push(() => this.stage(b));
  }

  private async stageDays(b: DayBatch): Promise<void> {
    const { tx } = this.ctx;
    if (b.columns !== null || !tx.copyIn) {
      await tx.query(STAGE_DAY_SQL, b.columns!);
      return;
    }
    this.dayCopy ??= tx.copyIn(STAGE_DAY_COPY);
    await this.dayCopy.write(b.text);
  }

  private async stage(b: Batch): Promise<void> {
    const { tx } = this.ctx;
    if (!tx.copyIn) {
      await tx.query(STAGE_SQL, [b.line, b.ckey, b.skey, b.date, b.session, b.code]);
      return;
    }
    let text = "";
    for (let i = 0; i < b.size; i++) {
      text += `${b.line[i]}\t${b.ckey[i]}\t${b.skey[i]}\t${b.date[i]}\t${b.session[i]}\t${copyText(b.code[i] ?? null)}\n`;
    }
    this.copy ??= tx.copyIn(STAGE_COPY);
    await this.copy.write(text);
  }

  async abort(): Promise<void> {
    await this.queue.drain().catch(() => {});
    await this.dayCopy?.abort();
    await this.copy?.abort();
  }

  async finish(): Promise<Counts> {
    this.endFolding();
    await this.flushDays(true);
    await this.flush();
    await this.queue.drain();
    await this.copy?.end();
    const { tx, tenantId, runId } = this.ctx;
    await this.saveSchools();
    await this.saveKeys();
    const schoolIds = [tenantId, this.schoolIdsByKey];
    let merged: { inserted: number; updated: number };
    let duplicates = { known: 0 };
    if (this.direct) {
      await finishFirstMarks(tx, tenantId);
      // A mark of each valid row of a known child: in key order, the file repeats no key.
      merged = { inserted: this.known, updated: 0 };
      if (this.unknown > 0) await tx.exec(daySessionsSql("ckey < 0"));
    } else if (this.ordered) {
      // In key order: no repeated key.
      merged = await mergeMarks(tx, tenantId, ORDERED_DAYS_SQL, schoolIds);
      if (this.unknown > 0) await tx.exec(daySessionsSql("ckey < 0"));
    } else {
      if (this.daysStaged > 0) await tx.exec(daySessionsSql("TRUE"));
      duplicates = await this.removeDuplicates();
      merged = await mergeMarks(tx, tenantId, DAYS_SQL, schoolIds, { schoolOrder: "skey" });
    }
    const { inserted, updated } = merged;
    const unmatched = this.unknown > 0 ? (await tx.query(MERGE_UNMATCHED_SQL, [tenantId, runId])).affectedRows : 0;
    const matched = this.known - duplicates.known;
    return { inserted, updated, unchanged: matched - inserted - updated, unmatched, linked: 0 };
  }

  /** Reads the tenant's schools of these URNs (all when omitted) into `schools`. */
  private async loadSchools(urns?: string[]): Promise<void> {
    const { tx, tenantId } = this.ctx;
    const { rows } = await tx.query<{ id: number; urn: string; name: string | null }>(
      `SELECT id, urn, name FROM "School" WHERE "tenantId" = $1${urns ? " AND urn = ANY($2::text[])" : ""}`,
      urns ? [tenantId, urns] : [tenantId],
    );
    for (const s of rows) this.schools.set(s.urn, { id: s.id, name: s.name });
  }

  /** Creates and renames the file's schools (of its valid rows), then names their ids by URN key. */
  private async saveSchools(): Promise<void> {
    const { tx, tenantId } = this.ctx;
    const urns: string[] = [];
    const names: (string | null)[] = [];
    for (const [urn, name] of this.schoolNames) {
      const known = this.schools.get(urn);
      if (known === undefined || (name !== null && name !== known.name)) {
        urns.push(urn);
        names.push(name);
      }
    }
    if (urns.length > 0) {
      await tx.query(SAVE_SCHOOLS_SQL, [tenantId, urns, names]);
      await this.loadSchools(urns);
    }
    // A URN of rejected rows only has no school: its rows are not written.
    const skeys: number[] = [];
    const ids: number[] = [];
    for (const [urn, key] of this.urnKeys) {
      const school = this.schools.get(urn);
      this.schoolIdsByKey[key - 1] = school?.id ?? null;
      if (school && !this.savedKeys.has(key)) {
        skeys.push(key);
        ids.push(school.id);
      }
    }
    await tx.query(`INSERT INTO pg_temp.import_school (skey, school_id) SELECT * FROM unnest($1::int[], $2::int[])`, [skeys, ids]);
  }

  private async saveKeys(): Promise<void> {
    if (this.unknownUpns.size === 0) return;
    await this.ctx.tx.query(`INSERT INTO pg_temp.import_upn (ckey, upn) SELECT * FROM unnest($1::int[], $2::text[])`, [
      [...this.unknownUpns.values()],
      [...this.unknownUpns.keys()],
    ]);
  }

  /**
   * Rejects each row whose key an earlier row of the file holds, as a duplicate of that row, and
   * leaves it out of the merge. Returns how many of them were rows of known children.
   */
  private async removeDuplicates(): Promise<{ known: number }> {
    const { tx } = this.ctx;
    if (this.keyOnly === 0) {
      // Without rows held for their key alone, a file whose keys are unique has no duplicate.
      await tx.exec("SAVEPOINT import_keys");
      try {
        await tx.exec(UNIQUE_KEYS_SQL);
        await tx.exec("RELEASE SAVEPOINT import_keys");
        return { known: 0 };
      } catch (e) {
        if ((e as { code?: string }).code !== "23505") throw e;
        await tx.exec("ROLLBACK TO SAVEPOINT import_keys");
      }
    }
    for (const sql of DUPLICATES_SQL) await tx.exec(sql);
    const total = await tx.query<{ n: number; known: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE ckey > 0)::int AS known FROM pg_temp.import_dup`,
    );
    const { n, known } = total.rows[0]!;
    if (n > 0) {
      const { rows } = await tx.query<{ line: number; first: number }>(
        `SELECT line, first FROM pg_temp.import_dup ORDER BY line LIMIT $1`,
        [REJECTED_ROWS_LISTED],
      );
      const listed = rows.map((d) => ({ line: d.line, column: DUPLICATE_COLUMN, reason: `duplicate of line ${d.first}` }));
      this.ctx.rejections.addListed(n, n, listed);
    }
    return { known };
  }

  private urnKey(urn: string): number {
    let key = this.urnKeys.get(urn);
    if (key === undefined) {
      key = this.urnKeys.size + 1;
      const own = ownCopy(urn);
      this.urnKeys.set(own, key);
      this.urnsByKey.push(own);
    }
    return key;
  }

  private childKey(upn: string): number {
    const id = this.childIds.get(upn);
    if (id !== undefined) return id;
    let key = this.unknownUpns.get(upn);
    if (key === undefined) {
      key = -(this.unknownUpns.size + 1);
      this.unknownUpns.set(ownCopy(upn), key);
    }
    return key;
  }
}

/** A code (null: none) in COPY's text format: \N for NULL; of the codes only "\" needs escaping. */
function copyText(code: string | null): string {
  return code === null ? "\\N" : code === "\\" ? "\\\\" : code;
}
