import fs from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine as WasmSchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

// Prisma's schema engine, published as WebAssembly, driven through a driver adapter. This lets the
// project create and apply Prisma Migrate migrations on machines that cannot download Prisma's native
// engine binaries. The migration folder layout is Prisma Migrate's own, so `prisma migrate deploy`
// works on it too.

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/migrations");

type Bg = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let bg: Bg | undefined;

async function loadWasm(): Promise<Bg> {
  if (bg) return bg;
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const mod = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bg;
  const wasmBytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": mod as never });
  mod.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  bg = mod;
  return mod;
}

export type MigrationEngine = {
  engine: WasmSchemaEngine;
  /** Turns the engine's "External error id#N" into the driver's real error. */
  explain: (e: unknown) => Error;
};

export async function openEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<MigrationEngine> {
  const mod = await loadWasm();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const schema = await fs.readFile(SCHEMA_PATH, "utf8");
  const engine = await mod.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bound,
  );
  const explain = (e: unknown): Error => {
    const text = e instanceof Error ? e.message : String(e);
    const m = /External error id#(\d+)/.exec(text);
    if (m) {
      const real = bound.errorRegistry.consumeError(Number(m[1]));
      if (real) {
        const inner = real.error as { message?: string; originalMessage?: string; kind?: string };
        return new Error(`${text}: ${inner.originalMessage ?? inner.message ?? JSON.stringify(inner)}`);
      }
    }
    return e instanceof Error ? e : new Error(text);
  };
  return { engine, explain };
}

export async function readMigrationList(dir: string = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockPath = path.join(dir, "migration_lock.toml");
  const lockContent = await fs.readFile(lockPath, "utf8").catch(() => null);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = await fs
        .readFile(file, "utf8")
        .then((value) => ({ tag: "ok" as const, value }))
        .catch((e: Error) => ({ tag: "error" as const, value: e.message }));
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

export const NO_FILTER = { externalTables: [], externalEnums: [] };

/** SQL that takes the database built by the migrations folder to schema.prisma; "" when in step. */
export async function diffMigrationsToSchema(me: MigrationEngine): Promise<string> {
  const schema = await fs.readFile(SCHEMA_PATH, "utf8");
  try {
    const list = await readMigrationList();
    const result = await me.engine.diff({
      // A folder with no migration yet has no lock file either: start from the empty database.
      from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    const out = (result.stdout ?? "").trim();
    return out === "-- This is an empty migration." ? "" : out;
  } catch (e) {
    throw me.explain(e);
  }
}

export async function applyMigrations(me: MigrationEngine, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  try {
    const out = await me.engine.applyMigrations({ migrationsList: await readMigrationList(dir), filters: NO_FILTER });
    return out.appliedMigrationNames;
  } catch (e) {
    throw me.explain(e);
  }
}
