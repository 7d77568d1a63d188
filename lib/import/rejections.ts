import { REJECTED_ROWS_LISTED, type RejectedRow } from "./types";

// The problems of rejected rows. A file can be wrong on every one of its million rows, so only the
// first REJECTED_ROWS_LISTED problems (by line) are kept; the counts are always exact.

export class Rejections {
  /** Rows rejected. */
  rows = 0;
  /** Problems found, listed or not. */
  problems = 0;
  private listed: RejectedRow[] = [];

  constructor(private readonly cap = REJECTED_ROWS_LISTED) {}

  /** A row rejected for one or more problems. */
  add(line: number, issues: readonly { column: string; reason: string }[]): void {
    this.rows++;
    this.problems += issues.length;
    for (const i of issues) this.listed.push({ line, column: i.column, reason: i.reason });
    if (this.listed.length >= 2 * this.cap) this.compact();
  }

  /**
   * Rows rejected in SQL: `rows` rows with `problems` problems, of which `listed` are the first (by
   * line), at most `cap` of them.
   */
  addListed(rows: number, problems: number, listed: readonly RejectedRow[]): void {
    this.rows += rows;
    this.problems += problems;
    this.listed.push(...listed);
    if (this.listed.length >= 2 * this.cap) this.compact();
  }

  /** The first problems by line (a row's problems in the order found). */
  list(): RejectedRow[] {
    this.compact();
    return this.listed.slice();
  }

  get truncated(): boolean {
    return this.problems > this.cap;
  }

  private compact(): void {
    // Array.prototype.sort is stable: a row's problems keep their order.
    this.listed.sort((a, b) => a.line - b.line);
    if (this.listed.length > this.cap) this.listed.length = this.cap;
  }
}
