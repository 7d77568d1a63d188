import type { SqlRunner } from "@/lib/db/raw";
import { WriteQueue } from "./batches";
import type { Rejections } from "./rejections";
import { REJECTED_ROWS_LISTED, type RejectedRow } from "./types";

// What the three kinds of file have in common: valid rows arrive one by one with their line, are
// written in batches, and are merged into the tenant's data at the end.

export type LoaderContext = {
  tx: SqlRunner;
  tenantId: number;
  runId: number;
  rejections: Rejections;
  batchSize: number;
  /** The fields whose column is in the file: an optional column left out changes nothing. */
  columns: ReadonlySet<string>;
};

export type Counts = { inserted: number; updated: number; unchanged: number; unmatched: number; linked: number };

export interface Loader<R, K> {
  begin(): Promise<void>;
  /** Takes a valid row; returns a promise when it started a write, which the caller awaits. */
  add(line: number, row: R): Promise<void> | void;
  /**
   * Takes the key of a row rejected for its own problems: the row is not written, but it is the first
   * with its key, so later rows with that key are rejected as its duplicates.
   */
  holdKey(line: number, key: K): Promise<void> | void;
  /** Writes what is left and merges; the counts of the rows that were not rejected. */
  finish(): Promise<Counts>;
  /** Stops a write left open (a COPY) when the file cannot be read to its end; the import then fails. */
  abort?(): Promise<void>;
}

/** A row with its line; `keyOnly` when only its key is held (see Loader.holdKey). */
export type Lined<R> = { line: number; row: R; keyOnly: boolean };

/**
 * A loader that copies every valid row into a temporary staging table (dropped at commit) and merges
 * it with set-based SQL once the whole file is read: for children and statuses, files of thousands of
 * rows whose rules need the whole file (a UPN given twice, a child moving to another UPN).
 * The staging table has a `line` column, `key_only` (rows already rejected, held for their key), and
 * rej_column / rej_reason, set on rows the merge rejects.
 */
export abstract class StagedLoader<R, K> implements Loader<R, K> {
  private buffer: Lined<R | K>[] = [];
  private readonly queue = new WriteQueue();

  constructor(protected readonly ctx: LoaderContext) {}

  protected abstract readonly stagingTable: string;
  protected abstract createStaging(): Promise<void>;
  protected abstract stage(rows: Lined<R | K>[]): Promise<void>;
  protected abstract merge(): Promise<Counts>;

  async begin(): Promise<void> {
    await this.createStaging();
  }

  add(line: number, row: R): Promise<void> | void {
    this.buffer.push({ line, row, keyOnly: false });
    if (this.buffer.length >= this.ctx.batchSize) return this.flush();
  }

  holdKey(line: number, key: K): Promise<void> | void {
    this.buffer.push({ line, row: key, keyOnly: true });
    if (this.buffer.length >= this.ctx.batchSize) return this.flush();
  }

  private async flush(): Promise<void> {
    const rows = this.buffer;
    this.buffer = [];
    if (rows.length > 0) await this.queue.push(() => this.stage(rows));
  }

  async finish(): Promise<Counts> {
    await this.flush();
    await this.queue.drain();
    const counts = await this.merge();
    await this.collectRejections();
    return counts;
  }

  /** Marks staged rows as rejected; `reasonSql` is an SQL expression over the staging row `s`. */
  protected async reject(column: string, reasonSql: string, fromWhere: string, params: unknown[] = []): Promise<number> {
    const n = params.length;
    const { affectedRows } = await this.ctx.tx.query(
      `UPDATE ${this.stagingTable} s SET rej_column = $${n + 1}, rej_reason = ${reasonSql} ${fromWhere}`,
      [...params, column],
    );
    return affectedRows;
  }

  private async collectRejections(): Promise<void> {
    const t = this.stagingTable;
    const { rows } = await this.ctx.tx.query<RejectedRow>(
      `SELECT line, rej_column AS "column", rej_reason AS reason FROM ${t} WHERE rej_reason IS NOT NULL ORDER BY line LIMIT $1`,
      [REJECTED_ROWS_LISTED],
    );
    const total = await this.ctx.tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t} WHERE rej_reason IS NOT NULL`);
    const n = total.rows[0]!.n;
    this.ctx.rejections.addListed(n, n, rows);
  }
}
