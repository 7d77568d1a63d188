import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PGliteAdapterFactory } from "@/lib/db/adapter";
import { pgliteRaw } from "@/lib/db/raw";
import { createTestDb, loadTemplatePglite, testDbKind, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, counts, csv, importFile, MARK_HEADER, newTenant, upn } from "../helpers/import-fixture";

// An import is all or nothing: the process killed (kill -9) half-way through a large attendance file
// leaves the database exactly as it was. On PGlite the database is a data directory, closed here and
// opened by the importing process; on PostgreSQL it is this file's test database.

const CHILDREN = 40;
const SESSIONS_PER_CHILD = 1_000; // 40,000 rows: several batches of 2,000 before the kill

function writeBigFile(dir: string): string {
  const file = path.join(dir, "attendance.csv");
  const lines = [MARK_HEADER];
  const start = Date.UTC(2024, 8, 2);
  for (let d = 0; d < SESSIONS_PER_CHILD / 2; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (let c = 0; c < CHILDREN; c++) {
      lines.push(`${upn(c)},100001,Oak Primary,${day},AM,/`, `${upn(c)},100001,Oak Primary,${day},PM,N`);
    }
  }
  fs.writeFileSync(file, csv(lines));
  return file;
}

/** Starts the import in a child process and kills it (and its process group) once `killAfter` rows are read. */
function importAndKill(url: string, tenantId: number, file: string, killAfter: number): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "tests/helpers/import-child.ts", url, String(tenantId), "attendance", file, "2000"], {
      detached: true, // its own process group: npx, tsx and node die together
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let killed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const read = [...output.matchAll(/progress (\d+)/g)].map((m) => Number(m[1]));
      if (!killed && read.some((n) => n >= killAfter)) {
        killed = true;
        process.kill(-child.pid!, "SIGKILL");
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => resolve({ killed, output }));
  });
}

type Snapshot = Record<string, number>;

async function snapshot(prisma: PrismaClient): Promise<Snapshot> {
  return {
    marks: Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "AttendanceMark"`))[0]!.n),
    unmatched: await prisma.unmatchedMark.count(),
    days: await prisma.attendanceDay.count(),
    schools: await prisma.school.count(),
    runs: await prisma.importRun.count(),
  };
}

async function seed(db: Pick<TestDb, "prisma" | "raw">, tenant: number) {
  const children = Array.from({ length: CHILDREN }, (_, c) => `C${c},${upn(c)},Child,${c},2015-01-01,F,,,,,`);
  await importFile(db as TestDb, tenant, "children", csv([CHILD_HEADER, ...children]));
  await importFile(db as TestDb, tenant, "attendance", csv([MARK_HEADER, `${upn(0)},100009,Ash School,2024-06-03,AM,/`, `${upn(99)},100009,Ash School,2024-06-03,AM,/`]));
}

// Each database project runs the variant for its own database (the other project runs the other one).
const on = (kind: "pglite" | "postgres") => (testDbKind() === kind ? it : () => undefined);

describe("import: a crash half-way leaves the data as before", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vs-import-crash-"));
  let file: string;
  let pgDb: TestDb | undefined;
  beforeAll(() => {
    file = writeBigFile(dir);
  });
  afterAll(async () => {
    await pgDb?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  on("pglite")("on a PGlite data directory", async () => {
    const dataDir = path.join(dir, "pglite");
    const open = async (pg?: Awaited<ReturnType<typeof loadTemplatePglite>>) => {
      const pglite = pg ?? (await loadTemplatePglite(dataDir));
      const prisma = new PrismaClient({ adapter: new PGliteAdapterFactory(pglite) });
      return { pglite, prisma, raw: pgliteRaw(pglite), close: async () => (await prisma.$disconnect(), await pglite.close()) };
    };
    let db = await open();
    const tenant = await newTenant(db as unknown as TestDb, "crash");
    await seed(db, tenant);
    const before = await snapshot(db.prisma);
    await db.close();

    const { killed, output } = await importAndKill(`pglite:${dataDir}`, tenant, file, 10_000);
    expect(killed, output).toBe(true);
    expect(output).not.toContain('"status"'); // killed before it finished

    const { PGlite } = await import("@electric-sql/pglite");
    db = await open(await PGlite.create(dataDir));
    try {
      expect(await snapshot(db.prisma)).toEqual(before);
      // The directory is sound and no lock is left behind: the next import runs.
      const next = await importFile(db as unknown as TestDb, tenant, "attendance", csv([MARK_HEADER, `${upn(1)},100001,Oak Primary,2024-06-04,AM,/`]));
      expect(counts(next)).toMatchObject({ status: "SUCCEEDED", inserted: 1 });
    } finally {
      await db.close();
    }
  });

  on("postgres")("on PostgreSQL", async () => {
    pgDb = await createTestDb();
    const tenant = await newTenant(pgDb, "crash");
    await seed(pgDb, tenant);
    const before = await snapshot(pgDb.prisma);

    const { killed, output } = await importAndKill(pgDb.url!, tenant, file, 10_000);
    expect(killed, output).toBe(true);
    expect(await snapshot(pgDb.prisma)).toEqual(before);
    // The killed session's lock is gone with it: the next import into the tenant runs.
    const next = await importFile(pgDb, tenant, "attendance", csv([MARK_HEADER, `${upn(1)},100001,Oak Primary,2024-06-04,AM,/`]));
    expect(counts(next)).toMatchObject({ status: "SUCCEEDED", inserted: 1 });
  });
});
