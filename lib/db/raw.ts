import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { PGlite, Transaction } from "@electric-sql/pglite";

// Plain SQL next to the Prisma client, on the same database: for set-based aggregation and bulk loads
// (COPY-style), where Prisma's per-query overhead would dominate. PGlite is one connection in this
// process; PostgreSQL gets a small pool of its own.

export type Row = Record<string, unknown>;

export interface SqlRunner {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows: number }>;
  /** Runs several statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * COPY `target` (a table and its columns) FROM text in COPY's text format, for bulk loads; PostgreSQL
   * only (PGlite reads COPY data from a file, which the role vs_app may not), callers fall back to SQL.
   */
  copyFrom?(target: string, text: string): Promise<void>;
}

export interface RawDb extends SqlRunner {
  kind: "pglite" | "postgres";
  /** One transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

function pgliteRunner(q: PGlite | Transaction): SqlRunner {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const r = await q.query<T>(sql, params);
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  };
}

export function pgliteRaw(db: PGlite, ownsDb = false): RawDb {
  return {
    kind: "pglite",
    ...pgliteRunner(db),
    transaction: (fn) => db.transaction((tx) => fn(pgliteRunner(tx))),
    close: async () => {
      if (ownsDb) await db.close();
    },
  };
}

function pgRunner(c: pg.PoolClient | pg.Pool): SqlRunner {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const r = await c.query<T>(sql, params);
      return { rows: r.rows, affectedRows: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
    async copyFrom(target: string, text: string) {
      if (!("release" in c)) throw new Error("COPY needs one connection: run it inside a transaction");
      await pipeline(Readable.from([text]), c.query(copyFrom(`COPY ${target} FROM STDIN`)));
    },
  };
}

export function postgresRaw(url: string, max = 5): RawDb & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection can fail at any time (a server restart, an administrator ending it, a pool
  // still closing when its database is dropped): the pool drops it and reports it here. Without a
  // listener, Node treats the report as an uncaught exception and ends the process.
  pool.on("error", (e) => console.error(`An idle PostgreSQL connection failed: ${e.message}`));
  return {
    kind: "postgres",
    pool,
    ...pgRunner(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(pgRunner(client));
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
