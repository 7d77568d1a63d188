// Bulk writes overlap with parsing: while the database loads one batch, the next one is read and
// checked. At most one write is in flight, so memory stays at about two batches.

export class WriteQueue {
  private inflight: Promise<void> = Promise.resolve();

  /** Waits for the write in flight (rethrowing its error), then starts `write` without waiting for it. */
  async push(write: () => Promise<void>): Promise<void> {
    await this.inflight;
    const next = write();
    // Marked as handled now; the error still reaches the caller through the next push or drain.
    next.catch(() => {});
    this.inflight = next;
  }

  /** Waits for the write in flight. */
  async drain(): Promise<void> {
    await this.inflight;
  }
}

/**
 * Splits the rows of a batch into the columns `unnest($1::int[], $2::text[], ...)` takes; a field a
 * row lacks is NULL.
 */
export function columnsOf<R extends object>(rows: readonly R[], keys: readonly string[]): unknown[][] {
  return keys.map((k) => rows.map((r) => (r as Record<string, unknown>)[k] ?? null));
}
