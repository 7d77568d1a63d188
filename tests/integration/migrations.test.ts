import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations, diffMigrationsToSchema, openEngine } from "@/lib/db/migrate/engine";

describe("migrations", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.close());

  it("produce exactly schema.prisma: the engine's diff from the migrations folder is empty", async () => {
    const opened = openAdapter({ kind: "pglite", dataDir: null });
    try {
      expect(await diffMigrationsToSchema(await openEngine(opened.factory))).toBe("");
    } finally {
      await opened.close();
    }
  });

  it("have all been applied to the test database, and a second run applies nothing", async () => {
    const rows = await t.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const dirs = fs.readdirSync("prisma/migrations", { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(Number(rows[0]!.n)).toBe(dirs.length);
  });

  it("fail loudly when a migration's SQL fails, and do not record it as applied", async () => {
    // A copy of the migrations folder with one broken migration added, applied to a fresh PGlite.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vs-mig-"));
    fs.cpSync("prisma/migrations", dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "99999999999999_broken"));
    fs.writeFileSync(path.join(dir, "99999999999999_broken", "migration.sql"), 'CREATE TABLE "Broken" (id int);\nSELECT no_such_function();\n');
    const opened = openAdapter({ kind: "pglite", dataDir: null });
    try {
      await expect(applyMigrations(await openEngine(opened.factory), dir)).rejects.toThrow(/no_such_function/);
      const recorded = await opened.pglite!.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = '99999999999999_broken' AND finished_at IS NOT NULL`,
      );
      expect(recorded.rows[0]!.n).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await opened.close();
    }
  });
});
