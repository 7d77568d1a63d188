import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import fs from "node:fs";
import type { DatabaseTarget } from "./url";

/**
 * Migration scripts must run whole, and their errors must surface. pglite-prisma-adapter's
 * executeScript does not await PGlite's exec (a failing migration would be recorded as applied), and
 * @prisma/adapter-pg's splits the script on every ";" (which breaks DO blocks and function bodies).
 * This wraps each adapter handed to the schema engine so that the script goes to the database as one
 * multi-statement query, which PostgreSQL runs as one implicit transaction.
 */
function wholeScripts(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>): SqlDriverAdapter {
  const original = adapter as SqlDriverAdapter & { onError(e: unknown): never };
  return Object.assign(Object.create(Object.getPrototypeOf(adapter)), adapter, {
    async executeScript(script: string) {
      try {
        await run(script);
      } catch (e) {
        original.onError(e);
      }
    },
  });
}

/** @prisma/adapter-pg's factory, handing out adapters that run migration scripts whole. */
class PgAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private inner: PrismaPg;
  constructor(url: string) {
    this.inner = new PrismaPg({ connectionString: url, max: 10 });
    this.adapterName = this.inner.adapterName;
  }
  private wrap(adapter: SqlDriverAdapter) {
    const client = (adapter as unknown as { client: { query(sql: string): Promise<unknown> } }).client;
    return wholeScripts(adapter, (script) => client.query(script));
  }
  async connect() {
    return this.wrap(await this.inner.connect());
  }
  async connectToShadowDb() {
    return this.wrap(await this.inner.connectToShadowDb());
  }
}

export class PGliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName: string;
  private inner: PrismaPGlite;
  constructor(readonly pg: PGlite) {
    this.inner = new PrismaPGlite(pg);
    this.adapterName = this.inner.adapterName;
  }
  async connect() {
    return wholeScripts(await this.inner.connect(), (script) => this.pg.exec(script));
  }
  async connectToShadowDb() {
    const shadow = new PGlite();
    return wholeScripts(await new PrismaPGlite(shadow).connect(), (script) => shadow.exec(script));
  }
}

export type OpenedAdapter = { factory: SqlMigrationAwareDriverAdapterFactory; pglite?: PGlite; close(): Promise<void> };

/** The driver adapter for a database target: PGlite in-process, or PostgreSQL through node-postgres. */
export function openAdapter(target: DatabaseTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    return { factory: new PgAdapterFactory(target.url), close: async () => {} };
  }
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  // PGlite is one session: a user here is the session's role, which RESET ROLE leaves (PostgreSQL's
  // login role cannot be left); still, every query the app sends runs with vs_app's rights.
  const options = target.user ? { username: target.user } : {};
  const pg = target.dataDir ? new PGlite(target.dataDir, options) : new PGlite(options);
  return { factory: new PGliteAdapterFactory(pg), pglite: pg, close: () => pg.close() };
}
