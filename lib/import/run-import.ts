import { withTenantRaw } from "@/lib/db/tenant";
import { storeStandardWindows } from "@/lib/reports/stored-windows";
import { rowIssues } from "@/lib/schemas/csv-fields";
import { readHeader, type Header } from "./columns";
import { csvRecords, type CsvRecord } from "./csv-reader";
import { finishRun, recordEndedRun, startRun, type RunInfo } from "./import-run";
import { COLUMN_SPECS, KINDS } from "./kinds";
import { Rejections } from "./rejections";
import { ImportRefused, REJECTED_ROWS_LISTED, type ImportOptions, type ImportResult } from "./types";

// One import of one file into one tenant: all or nothing. The header is checked before anything is
// written; then, in one transaction holding the tenant's import lock (imports into a tenant run one
// after the other), rows are parsed, checked and written in batches, merged, and the run recorded.
// A structural error found half-way (a quote never closed, bytes that are not UTF-8) or any other
// error rolls the whole transaction back; the refused or failed run is then recorded on its own.

/** pg_advisory_xact_lock(IMPORT_LOCK, tenantId): the first key keeps clear of other advisory locks. */
const IMPORT_LOCK = 0x76_73_69_6d; // "vsim"
const PROGRESS_EVERY = 10_000;
/**
 * Rows read between turns of the event loop, in which the database's replies to a write in flight (the
 * loaders' WriteQueue) are taken, so that the write goes on while the next rows are read. Without them,
 * a file read ahead into memory is parsed without a pause, and each reply waits for the loader to wait.
 */
const YIELD_EVERY = 500;
const FAILED_MESSAGE = "The import stopped because of an unexpected error, and nothing from the file was saved.";

/** The row's values by field, or why the row cannot be read (it has too few or too many values). */
function cellsOf(values: string[], header: Header): Record<string, string> | string {
  const width = header.fields.length;
  if (values.length !== width) {
    const extraBlank = values.length > width && values.slice(width).every((v) => v.trim() === "");
    if (!extraBlank) return `this row has ${values.length} values but the header has ${width} columns`;
  }
  const cells: Record<string, string> = {};
  for (let i = 0; i < width; i++) {
    const field = header.fields[i];
    if (field) cells[field] = values[i]!;
  }
  return cells;
}

export async function runImport(opts: ImportOptions): Promise<ImportResult> {
  const spec = KINDS[opts.kind];
  const run: RunInfo = { tenantId: opts.tenantId, kind: opts.kind, fileName: opts.fileName, actor: opts.actor };
  const warnings: string[] = [];
  const records = csvRecords(opts.input);
  try {
    const first = await records.next();
    if (first.done) throw new ImportRefused("The file is empty.");
    const [headerRecord, ...firstRows] = first.value;
    const header = readHeader(headerRecord!.values, opts.kind, COLUMN_SPECS);
    warnings.push(...header.warnings);

    return await withTenantRaw(opts.raw, opts.tenantId, async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1, $2)", [IMPORT_LOCK, opts.tenantId]);
      // Batch statements look expensive to the planner, and compiling them (JIT) costs more than it saves.
      await tx.exec("SET LOCAL jit = off");
      const runId = await startRun(tx, run);
      const rejections = new Rejections();
      const loader = spec.loader({
        tx,
        tenantId: opts.tenantId,
        runId,
        rejections,
        batchSize: opts.batchSize ?? spec.batchSize,
        columns: new Set(header.fields.filter((f) => f !== null)),
      });
      await loader.begin();

      let rows = 0;
      let reported = 0;
      const fastRow = spec.fastRow?.(header);
      const take = async (batch: CsvRecord[]) => {
        for (const record of batch) {
          rows++;
          if (rows % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
          const fast = fastRow?.(record.values);
          if (fast) {
            const pending = loader.add(record.line, fast);
            if (pending) await pending;
            continue;
          }
          const cells = cellsOf(record.values, header);
          if (typeof cells === "string") {
            rejections.add(record.line, [{ column: "", reason: cells }]);
            continue;
          }
          const parsed = spec.schema.safeParse(cells);
          let pending: Promise<void> | void = undefined;
          if (parsed.success) {
            pending = loader.add(record.line, parsed.data);
          } else {
            rejections.add(record.line, rowIssues(parsed.error));
            const key = spec.keySchema.safeParse(cells);
            if (key.success) pending = loader.holdKey(record.line, key.data);
          }
          if (pending) await pending;
        }
        if (opts.onProgress && rows - reported >= PROGRESS_EVERY) {
          reported = rows;
          opts.onProgress(rows);
        }
      };
      try {
        await take(firstRows);
        for await (const batch of records) await take(batch);
      } catch (e) {
        await loader.abort?.();
        throw e;
      }
      const counts = await loader.finish();
      // The dashboard's standard windows, as of the data now held (kept if nothing changed them).
      await storeStandardWindows(tx, opts.tenantId);
      if (rows !== reported) opts.onProgress?.(rows);

      if (rows === 0) warnings.push("The file has a header row but no data rows: nothing was imported.");
      if (rejections.truncated) {
        warnings.push(
          `The file has ${rejections.problems.toLocaleString("en-GB")} problems in ${rejections.rows.toLocaleString("en-GB")} rejected rows; only the first ${REJECTED_ROWS_LISTED.toLocaleString("en-GB")} are listed.`,
        );
      }
      const result: ImportResult = {
        importRunId: runId,
        status: "SUCCEEDED",
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        rejected: rejections.rows,
        unmatched: counts.unmatched,
        linked: counts.linked,
        rejectedRows: rejections.list(),
        warnings,
      };
      await finishRun(tx, runId, opts.tenantId, { ...result, rows });
      return result;
    });
  } catch (e) {
    const refused = e instanceof ImportRefused;
    if (!refused) console.error(`Import of ${opts.kind} into tenant ${opts.tenantId} failed:`, e instanceof Error ? e.message : e);
    const ended = {
      status: refused ? ("REFUSED" as const) : ("FAILED" as const),
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      unmatched: 0,
      rejectedRows: [],
      warnings,
      message: refused ? e.message : FAILED_MESSAGE,
    };
    const importRunId = await recordEndedRun(opts.prisma, run, { ...ended, rows: 0 });
    const { status, message, ...rest } = ended;
    return { importRunId, status, ...rest, linked: 0, message };
  } finally {
    await records.return(undefined);
  }
}
