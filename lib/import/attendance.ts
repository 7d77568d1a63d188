import type { CopyIn } from "@/lib/db/raw";
import { mergeMarks } from "@/lib/reports/day-totals";
import type { AttendanceMarkKey, AttendanceMarkRow } from "@/lib/schemas/attendance-mark";
import {
  DAYS_SQL,
  DUPLICATES_SQL,
  MERGE_UNMATCHED_SQL,
  SAVE_SCHOOLS_SQL,
  STAGE_COPY,
  STAGE_SQL,
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
// whose UPN matches no child is kept in UnmatchedMark. Repeated keys are found in SQL
// (attendance-sql.ts), so that memory does not grow with the file.

const DUPLICATE_COLUMN = "upn, school_urn, date, session";

type School = { id: number; name: string | null };

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
  private keyOnly = 0;
  /** The school id of each URN key (key 1 first), once the schools are saved. */
  private readonly schoolIdsByKey: (number | null)[] = [];
  /** Valid rows of known children and of unknown UPNs, duplicates included. */
  private known = 0;
  private unknown = 0;

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
    // Memory for the sorts of the merge and the day totals, and for the unique index over the file.
    await tx.exec("SET LOCAL work_mem = '64MB'; SET LOCAL maintenance_work_mem = '256MB'");
    await tx.exec(STAGING_SQL);
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
    const b = this.batch;
    const ckey = this.childKey(key.upn);
    if (code !== null) {
      if (ckey > 0) this.known++;
      else this.unknown++;
    }
    b.line.push(line);
    b.ckey.push(ckey);
    b.skey.push(this.urnKey(key.schoolUrn));
    b.date.push(key.date);
    b.session.push(key.session);
    b.code.push(code);
    if (b.size >= this.ctx.batchSize) return this.flush();
  }

  private async flush(): Promise<void> {
    const b = this.batch;
    this.batch = new Batch();
    if (b.size > 0) await this.queue.push(() => this.stage(b));
  }

  private async stage(b: Batch): Promise<void> {
    const { tx } = this.ctx;
    if (!tx.copyIn) {
      await tx.query(STAGE_SQL, [b.line, b.ckey, b.skey, b.date, b.session, b.code]);
      return;
    }
    // COPY's text format: tab-separated, \N for NULL; of the values only the code "\" needs escaping.
    let text = "";
    for (let i = 0; i < b.size; i++) {
      const code = b.code[i]!;
      text += `${b.line[i]}\t${b.ckey[i]}\t${b.skey[i]}\t${b.date[i]}\t${b.session[i]}\t${code === null ? "\\N" : code === "\\" ? "\\\\" : code}\n`;
    }
    this.copy ??= tx.copyIn(STAGE_COPY);
    await this.copy.write(text);
  }

  async abort(): Promise<void> {
    await this.queue.drain().catch(() => {});
    await this.copy?.abort();
  }

  async finish(): Promise<Counts> {
    await this.flush();
    await this.queue.drain();
    await this.copy?.end();
    const { tx, tenantId, runId } = this.ctx;
    await this.saveSchools();
    await this.saveKeys();
    const duplicates = await this.removeDuplicates();
    const { inserted, updated } = await mergeMarks(tx, tenantId, DAYS_SQL, [tenantId, this.schoolIdsByKey], { schoolOrder: "skey" });
    const unmatched = this.unknown > 0 ? (await tx.query(MERGE_UNMATCHED_SQL, [tenantId, runId])).affectedRows : 0;
    await tx.exec("RESET work_mem; RESET maintenance_work_mem");
    const matched = this.known - duplicates.known;
    return { inserted, updated, unchanged: matched - inserted - updated, unmatched, linked: 0 };
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
      const { rows } = await tx.query<{ id: number; urn: string; name: string | null }>(
        `SELECT id, urn, name FROM "School" WHERE "tenantId" = $1 AND urn = ANY($2::text[])`,
        [tenantId, urns],
      );
      for (const s of rows) this.schools.set(s.urn, { id: s.id, name: s.name });
    }
    // A URN of rejected rows only has no school: its rows are not written.
    const skeys: number[] = [];
    const ids: number[] = [];
    for (const [urn, key] of this.urnKeys) {
      const school = this.schools.get(urn);
      this.schoolIdsByKey[key - 1] = school?.id ?? null;
      if (school) {
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
      this.urnKeys.set(ownCopy(urn), key);
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
