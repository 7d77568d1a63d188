import { Readable } from "node:stream";
import { upnCheckLetter } from "@/lib/attendance";
import { runImport, type ImportKind, type ImportOptions, type ImportResult } from "@/lib/import";
import type { TestDb } from "./test-db";

// Small helpers for the import tests: valid UPNs, files as text, and one call to import them.

/** A valid permanent UPN (check letter computed) whose serial is `n` (0..99999). */
export function upn(n: number): string {
  const rest = `2010001${String(n).padStart(5, "0")}`;
  return `${upnCheckLetter(rest)}${rest}`;
}

/** CSV text from lines, joined with `eol` and ending with one. */
export function csv(lines: string[], eol = "\n"): string {
  return lines.join(eol) + eol;
}

export async function newTenant(db: TestDb, slug: string): Promise<number> {
  return (await db.prisma.tenant.create({ data: { slug, name: slug } })).id;
}

/** Imports `content` (text or bytes) as a stream, the way an upload arrives. */
export function importFile(
  db: TestDb,
  tenantId: number,
  kind: ImportKind,
  content: string | Buffer,
  extra: Partial<ImportOptions> = {},
): Promise<ImportResult> {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return runImport({
    prisma: db.prisma,
    raw: db.raw,
    tenantId,
    kind,
    input: Readable.from([bytes]),
    fileName: `${kind}.csv`,
    actor: "cli",
    ...extra,
  });
}

/** The counts of a result, for compact assertions. */
export function counts(r: ImportResult) {
  const { status, inserted, updated, unchanged, rejected, unmatched } = r;
  return { status, inserted, updated, unchanged, rejected, unmatched };
}

export const CHILD_HEADER = "child_id,upn,first_name,last_name,date_of_birth,sex,ethnicity,sen,fsm,eal,team";
export const STATUS_HEADER = "child_id,status,start_date,end_date";
export const MARK_HEADER = "upn,school_urn,school_name,date,session,code";
