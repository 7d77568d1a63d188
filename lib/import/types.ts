import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RawDb } from "@/lib/db/raw";

// The public shapes of the CSV import (docs/data-contract.md "CSV files"), used by the web upload and by
// `npm run cli -- import`.

export type ImportKind = "children" | "statuses" | "attendance";
export const IMPORT_KINDS: readonly ImportKind[] = ["children", "statuses", "attendance"];

/** One problem of a rejected row. `line` is the physical line in the file (the header is line 1). */
export type RejectedRow = { line: number; column: string; reason: string };

export type ImportStatus = "SUCCEEDED" | "REFUSED" | "FAILED";

export type ImportResult = {
  importRunId: number;
  /** SUCCEEDED: the file was read and its valid rows committed. REFUSED: a structural error, nothing
   * written. FAILED: an unexpected error, nothing written. */
  status: ImportStatus;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows rejected (a row with several problems counts once). */
  rejected: number;
  /** Attendance rows whose UPN matches no child yet, kept aside to be linked later. */
  unmatched: number;
  /** children.csv: attendance marks kept aside earlier that this import linked to their child. */
  linked: number;
  /** Each problem of each rejected row, by line; at most REJECTED_ROWS_LISTED of them. */
  rejectedRows: RejectedRow[];
  warnings: string[];
  /** Why the file was refused, or that the import failed, in plain English. */
  message?: string;
};

export type ImportOptions = {
  prisma: PrismaClient;
  raw: RawDb;
  tenantId: number;
  kind: ImportKind;
  /** The CSV bytes, or the path of a file. */
  input: NodeJS.ReadableStream | string;
  fileName: string;
  /** A user id, or "cli:<operating-system user>" for the command line (lib/cli/actor.ts). */
  actor: string;
  /** Called now and then with the number of data rows read so far. */
  onProgress?: (rowsRead: number) => void;
  /** Rows per bulk write (tests make it small to get a crash half-way through a file). */
  batchSize?: number;
};

/** How many problems of rejected rows are kept with an import run and returned. */
export const REJECTED_ROWS_LISTED = 10_000;

/** A structural error of the file: it is refused whole, with this message. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefused";
  }
}
