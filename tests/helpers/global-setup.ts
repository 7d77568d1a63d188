import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations, openEngine } from "@/lib/db/migrate/engine";
import { adminQuery, PG_TEMPLATE_DB, serverUrl, TEMPLATE_TARBALL } from "./test-db";

// Migrates one template database per run, through the same migration code as `npm run db:migrate`;
// each test file then starts from a copy of it.
export async function setupPostgresTemplate() {
  {
    await adminQuery(`DROP DATABASE IF EXISTS ${PG_TEMPLATE_DB} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE ${PG_TEMPLATE_DB}`);
    // A child process, so that every connection to the template is closed before it is copied.
    execFileSync("npx", ["tsx", "lib/db/migrate/cli.ts", "apply"], {
      env: { ...process.env, DATABASE_URL: serverUrl(PG_TEMPLATE_DB) },
      stdio: "inherit",
    });
  }
}

export async function setupPgliteTemplate() {
  const opened = openAdapter({ kind: "pglite", dataDir: null });
  await applyMigrations(await openEngine(opened.factory));
  const dump = await opened.pglite!.dumpDataDir("gzip");
  fs.mkdirSync(path.dirname(TEMPLATE_TARBALL), { recursive: true });
  fs.writeFileSync(TEMPLATE_TARBALL, Buffer.from(await dump.arrayBuffer()));
  await opened.close();
}
