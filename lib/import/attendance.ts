import { refreshDayTotals } from "@/lib/reports/day-totals";
import type { AttendanceMarkKey, AttendanceMarkRow } from "@/lib/schemas/attendance-mark";
import { DUPLICATES_SQL, MERGE_BATCH_SQL, SAVE_SCHOOLS_SQL, SEEN_TABLE_SQL } from "./attendance-sql";
import { WriteQueue } from "./batches";
import type { Counts, Lined, Loader, LoaderContext } from "./loader";

// attendance.csv, upserted by upn + school_urn + date + session. Files run to millions of rows, so each
// batch is merged as soon as it is read (one statement per batch, while the next batch is parsed), and
// memory stays at a couple of batches. A row whose UPN matches no child is kept in UnmatchedMark.
// Repeated keys are found in SQL (attendance-sql.ts), so that memory does not grow with the file.

const DUPLICATE_COLUMN = "upn, school_urn, date, session";

type School = { id: number; name: string | null };

export class AttendanceLoader implements Loader<AttendanceMarkRow, AttendanceMarkKey> {
  private readonly childIds = new Map<string, number>();
  private readonly unknownUpns = new Map<string, number>();
  private readonly urnKeys = new Map<string, number>();
  private readonly schools = new Map<string, School>();
  /** Schools to create, or to rename, before the next batch is written: urn -> name. */
  private schoolChanges = new Map<string, string | null>();
  private buffer: Lined<AttendanceMarkRow | AttendanceMarkKey>[] = [];
  private readonly queue = new WriteQueue();
  private readonly totals = { inserted: 0, updated: 0, matched: 0, unmatched: 0 };
  /** Children with a mark inserted or changed, whose day totals are rebuilt at the end. */
  private readonly touched = new Set<number>();

  constructor(private readonly ctx: LoaderContext) {}

  async begin(): Promise<void> {
    const { tx, tenantId } = this.ctx;
    const children = await tx.query<{ upn: string; id: number }>(
      `SELECT upn, id FROM "Child" WHERE "tenantId" = $1 AND upn IS NOT NULL`,
      [tenantId],
    );
    for (const c of children.rows) this.childIds.set(c.upn, c.id);
    const schools = await tx.query<{ id: number; urn: string; name: string | null }>(
      `SELECT id, urn, name FROM "School" WHERE "tenantId" = $1`,
      [tenantId],
    );
    for (const s of schools.rows) this.schools.set(s.urn, { id: s.id, name: s.name });
    await tx.exec(SEEN_TABLE_SQL);
  }

  add(line: number, row: AttendanceMarkRow): Promise<void> | void {
    // The school's name is taken from the last row that gives one.
    const known = this.schools.get(row.schoolUrn);
    if (known === undefined) {
      if (row.schoolName !== null || !this.schoolChanges.has(row.schoolUrn)) this.schoolChanges.set(row.schoolUrn, row.schoolName);
    } else if (row.schoolName !== null && row.schoolName !== known.name) {
      this.schoolChanges.set(row.schoolUrn, row.schoolName);
    }
    this.buffer.push({ line, row, keyOnly: false });
    if (this.buffer.length >= this.ctx.batchSize) return this.flush();
  }

  holdKey(line: number, key: AttendanceMarkKey): Promise<void> | void {
    this.buffer.push({ line, row: key, keyOnly: true });
    if (this.buffer.length >= this.ctx.batchSize) return this.flush();
  }

  async finish(): Promise<Counts> {
    await this.flush();
    await this.queue.drain();
    await refreshDayTotals(this.ctx.tx, this.ctx.tenantId, [...this.touched]);
    const { inserted, updated, matched, unmatched } = this.totals;
    return { inserted, updated, unchanged: matched - inserted - updated, unmatched, linked: 0 };
  }

  private async flush(): Promise<void> {
    const rows = this.buffer;
    const schools = this.schoolChanges;
    this.buffer = [];
    this.schoolChanges = new Map();
    if (rows.length > 0) await this.queue.push(() => this.write(rows, schools));
  }

  private urnKey(urn: string): number {
    let key = this.urnKeys.get(urn);
    if (key === undefined) {
      key = this.urnKeys.size + 1;
      this.urnKeys.set(urn, key);
    }
    return key;
  }

  private childKey(upn: string): number {
    const id = this.childIds.get(upn);
    if (id !== undefined) return id;
    let key = this.unknownUpns.get(upn);
    if (key === undefined) {
      key = -(this.unknownUpns.size + 1);
      this.unknownUpns.set(upn, key);
    }
    return key;
  }

  private async saveSchools(changes: Map<string, string | null>): Promise<void> {
    if (changes.size === 0) return;
    const { tx, tenantId } = this.ctx;
    const urns = [...changes.keys()];
    await tx.query(
      SAVE_SCHOOLS_SQL,
      [tenantId, urns, [...changes.values()]],
    );
    const { rows } = await tx.query<{ id: number; urn: string; name: string | null }>(
      `SELECT id, urn, name FROM "School" WHERE "tenantId" = $1 AND urn = ANY($2::text[])`,
      [tenantId, urns],
    );
    for (const s of rows) this.schools.set(s.urn, { id: s.id, name: s.name });
  }

  private async write(rows: Lined<AttendanceMarkRow | AttendanceMarkKey>[], schools: Map<string, string | null>): Promise<void> {
    await this.saveSchools(schools);
    const n = rows.length;
    const line = new Array<number>(n);
    const ckey = new Array<number>(n);
    const skey = new Array<number>(n);
    const write = new Array<boolean>(n);
    const childId = new Array<number | null>(n);
    const upn = new Array<string | null>(n);
    const schoolId = new Array<number | null>(n);
    const date = new Array<string>(n);
    const session = new Array<string>(n);
    const code = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const { line: l, row, keyOnly } = rows[i]!;
      const key = this.childKey(row.upn);
      line[i] = l;
      ckey[i] = key;
      skey[i] = this.urnKey(row.schoolUrn);
      write[i] = !keyOnly;
      childId[i] = key > 0 ? key : null;
      upn[i] = key > 0 ? null : row.upn;
      // A rejected row (keyOnly) creates no school, so its school may have no id.
      schoolId[i] = this.schools.get(row.schoolUrn)?.id ?? null;
      date[i] = row.date;
      session[i] = row.session;
      code[i] = keyOnly ? null : (row as AttendanceMarkRow).code;
    }
    const { tx, tenantId, runId } = this.ctx;
    const result = await tx.query<{ fresh: number; inserted: number; updated: number; matched: number; unmatched: number; touched: number[] }>(
      MERGE_BATCH_SQL,
      [tenantId, line, ckey, skey, write, childId, upn, schoolId, date, session, code, runId],
    );
    const r = result.rows[0]!;
    this.totals.inserted += r.inserted;
    this.totals.updated += r.updated;
    this.totals.matched += r.matched;
    this.totals.unmatched += r.unmatched;
    for (const id of r.touched) this.touched.add(id);
    if (r.fresh < n) await this.reportDuplicates(line, ckey, skey, write, date, session);
  }

  /** The rows of a batch (not already rejected) whose key an earlier row holds, each with that row's line. */
  private async reportDuplicates(...columns: [number[], number[], number[], boolean[], string[], string[]]): Promise<void> {
    const { rows } = await this.ctx.tx.query<{ line: number; first: number }>(
      DUPLICATES_SQL,
      columns,
    );
    for (const d of rows) this.ctx.rejections.add(d.line, [{ column: DUPLICATE_COLUMN, reason: `duplicate of line ${d.first}` }]);
  }
}
