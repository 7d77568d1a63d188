import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDb, loadTemplatePglite, testDbKind } from "./test-db";

// Runs the command line as a user would, in a child process, against a migrated test database: a
// PGlite data directory made from the template (closed before the child opens it: one process per
// directory), or a fresh PostgreSQL database.

export type CliDb = { url: string; close(): Promise<void> };

export async function createCliDb(): Promise<CliDb> {
  if (testDbKind() === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vs-cli-"));
    const pg = await loadTemplatePglite(dir);
    await pg.close();
    return { url: `pglite:${dir}`, close: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const t = await createTestDb();
  return { url: t.url!, close: () => t.close() };
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
