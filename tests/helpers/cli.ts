import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PGliteAdapterFactory } from "@/lib/db/adapter";
import { createTestDb, loadTemplatePglite, testDbKind } from "./test-db";

// Runs the command line as a user would, in a child process, against a migrated test database: a
// PGlite data directory made from the template (closed before the child opens it: one process per
// directory), or a fresh PostgreSQL database.

export type CliDb = {
  url: string;
  /** Reads what the command line wrote, between runs (a PGlite directory is opened only for the read). */
  read<T>(fn: (prisma: PrismaClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function createCliDb(): Promise<CliDb> {
  if (testDbKind() === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vs-cli-"));
    const pg = await loadTemplatePglite(dir);
    await pg.close();
    const read = async <T>(fn: (prisma: PrismaClient) => Promise<T>): Promise<T> => {
      const pglite = await PGlite.create(dir);
      const prisma = new PrismaClient({ adapter: new PGliteAdapterFactory(pglite) });
      try {
        return await fn(prisma);
      } finally {
        await prisma.$disconnect();
        await pglite.close();
      }
    };
    return { url: `pglite:${dir}`, read, close: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const t = await createTestDb();
  return { url: t.url!, read: (fn) => fn(t.prisma), close: () => t.close() };
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

const TSX = path.resolve("node_modules/.bin/tsx");

/** `npm run cli -- ...args`, i.e. `tsx lib/cli/main.ts ...args`, with DATABASE_URL set. */
export function runCli(url: string, args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["lib/cli/main.ts", ...args], {
      env: { ...process.env, DATABASE_URL: url, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Writes `text` to a new file in a temporary directory and returns its path. */
export function writeTempFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vs-csv-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
