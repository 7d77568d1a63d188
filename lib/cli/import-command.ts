// import <children|statuses|attendance> --tenant <slug> --file <path.csv>
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RawDb } from "@/lib/db/raw";
import { auditImport, IMPORT_KINDS, runImport, type ImportResult, type RejectedRow } from "@/lib/import";
import { tenantSlugSchema } from "@/lib/schemas/tenant";
import { cliActor } from "./actor";
import { split, validate } from "./args";
import { CliError, EXIT, usageError } from "./errors";
import { IMPORT_HELP } from "./help";
import { findTenant } from "./tenant-command";

const importSchema = z.object({
  kind: z.enum(IMPORT_KINDS, {
    error: (i) =>
      i.input === undefined
        ? "Say what the file holds: import children|statuses|attendance --tenant <slug> --file <path.csv>"
        : `"${String(i.input)}" is not a kind of file: say children, statuses or attendance`,
  }),
  tenant: tenantSlugSchema,
  file: z.string({ error: "is required" }).min(1, { error: "is required" }),
});

/** How many rejected rows are listed on stderr; the import run keeps them all (up to its own limit). */
const MAX_LISTED = 200;

function listRejected(rows: readonly RejectedRow[], err: (line: string) => void): void {
  for (const r of rows.slice(0, MAX_LISTED)) err(`  line ${r.line}, column ${r.column}: ${r.reason}`);
  if (rows.length > MAX_LISTED) err(`  ... and ${rows.length - MAX_LISTED} more problems, kept with the import run.`);
}

/** The contract's one JSON line: exactly these five counts, in this order. */
function summaryLine(r: ImportResult): string {
  const { inserted, updated, unchanged, rejected, unmatched } = r;
  return JSON.stringify({ inserted, updated, unchanged, rejected, unmatched });
}

export async function importCommand(
  args: string[],
  database: () => { prisma: PrismaClient; raw: RawDb },
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<void> {
  const { positionals, values } = split(args, { tenant: { type: "string" }, file: { type: "string" } });
  if (values.help) return out(IMPORT_HELP);
  if (positionals.length > 1) throw usageError(`Unexpected argument "${positionals[1]}".`);
  const a = validate(importSchema, { ...values, kind: positionals[0] });
  const file = path.resolve(a.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw usageError(`--file: there is no file at ${a.file}`);

  const { prisma, raw } = database();
  const tenant = await findTenant(prisma, a.tenant);
  // Progress only for a person watching: a script reading stderr gets the outcome, not a ticker.
  const showProgress = process.stderr.isTTY === true;
  const run = { tenantId: tenant.id, actor: cliActor(), kind: a.kind };
  const result = await runImport({
    prisma,
    raw,
    ...run,
    input: file,
    fileName: path.basename(file),
    onProgress: showProgress ? (rows) => void process.stderr.write(`\rRead ${rows} rows...`) : undefined,
  });
  if (showProgress) process.stderr.write("\r\x1b[K");
  // Refused and failed runs too, as the web upload does: the log shows every attempt.
  await auditImport(prisma, run, result);

  for (const w of result.warnings) err(`Warning: ${w}`);
  if (result.status !== "SUCCEEDED") {
    if (result.rejectedRows.length) {
      err("Problems found:");
      listRejected(result.rejectedRows, err);
    }
    out(summaryLine(result));
    const why = result.message ?? "no reason was given";
    if (result.status === "REFUSED") throw new CliError(`The file was refused and nothing was imported: ${why}`, EXIT.REFUSED);
    throw new CliError(`The import failed and was rolled back; nothing was imported: ${why}`, EXIT.FAILED);
  }
  if (result.rejected > 0) {
    err(`${result.rejected} row(s) rejected; the other rows were imported:`);
    listRejected(result.rejectedRows, err);
  }
  if (result.unmatched > 0) err(`${result.unmatched} row(s) name a UPN that matches no child yet: kept aside, and linked when the child is imported.`);
  if (result.linked > 0) err(`${result.linked} attendance mark(s) kept aside earlier were linked to their child.`);
  out(summaryLine(result));
}
