import { once } from "node:events";
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
   * Starts COPY `target` (a table and its columns) FROM STDIN, for bulk loads: one statement fed text in
   * COPY's text format, chunk by chunk, until ended. No other statement runs on the connection until
   * it is ended or aborted. PostgreSQL only (PGlite reads COPY data from a file, which the role vs_app
   * may not); callers fall back to SQL.
   */
  copyIn?(target: string): CopyIn;
}

export interface CopyIn {
  /** Sends a chunk; resolves once the connection can take more (rejects when the COPY failed). */
  write(text: string): Promise<void>;
  /** Ends the COPY; resolves when the server has taken every row. */
  end(): Promise<void>;
  /** Cancels the COPY (the server rolls back its rows and the statement fails), if it is still open. */
  abort(): Promise<void>;
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
    copyIn(target: string): CopyIn {
      if (!("release" in c)) throw new Error("COPY needs one connection: run it inside a transaction");
      const stream = c.query(copyFrom(`COPY ${target} FROM STDIN`));
      let open = true;
      const finished = new Promise<void>((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", reject);
      });
      finished.then(
        () => (open = false),
        () => (open = false),
      );
      return {
        async write(text) {
          if (!stream.write(text)) await Promise.race([once(stream, "drain"), finished]);
        },
        async end() {
          stream.end();
          await finished;
        },
        async abort() {
          if (!open) return;
          // destroy() sends CopyFail; the server answers with the statement's error, which ends it.
          stream.destroy(new Error("The import stopped before the end of the file"));
          await finished.catch(() => {});
        },
      };
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
