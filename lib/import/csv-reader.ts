import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { decodeText } from "./text-input";
import { ImportRefused } from "./types";

// RFC 4180 records, streamed: csv-parse does the quoting (quoted commas, quotes and line breaks inside
// values, CRLF or LF line ends); this file adds what the import reports need, the physical line on
// which each record starts, and hands records over in batches rather than one promise per record.

export type CsvRecord = { line: number; values: string[] };

/** A longer record is a quote that never closes: refuse it rather than buffer the rest of the file. */
const MAX_RECORD_CHARS = 100_000;

function refusal(e: unknown, line: number): unknown {
  if (e instanceof ImportRefused) return e;
  const code = (e as Partial<CsvError>)?.code;
  if (code === "CSV_QUOTE_NOT_CLOSED" || code === "CSV_MAX_RECORD_SIZE") {
    return new ImportRefused(`Line ${line} opens a quoted value (") that is never closed, so the file cannot be read as CSV.`);
  }
  if (typeof code === "string" && code.startsWith("CSV_")) {
    return new ImportRefused(`Line ${line} cannot be read as CSV: ${(e as Error).message}`);
  }
  return e;
}

function linesIn(values: string[]): number {
  let n = 0;
  for (const v of values) {
    for (let i = v.indexOf("\n"); i !== -1; i = v.indexOf("\n", i + 1)) n++;
  }
  return n;
}

const isBlank = (values: string[]) => values.every((v) => v.trim() === "");

/**
 * The records of a CSV file in batches, header first, blank lines left out. Throws ImportRefused when
 * the bytes are not UTF-8 text or the text is not CSV.
 */
export async function* csvRecords(input: NodeJS.ReadableStream | string): AsyncGenerator<CsvRecord[]> {
  const parser = parse({
    delimiter: ",",
    record_delimiter: ["\r\n", "\n"], // either, even mixed in one file
    relax_column_count: true, // the import reports a short or long row itself, with its line
    relax_quotes: true, // a quote inside an unquoted value (Pat "PJ" Smith) is kept as written
    skip_empty_lines: false, // kept, so that lines can be counted; dropped below
    max_record_size: MAX_RECORD_CHARS,
  });
  const source = Readable.from(decodeText(input));
  source.on("error", (e) => parser.destroy(e));
  source.pipe(parser);

  let line = 1;
  let ended = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  parser.on("readable", signal);
  parser.on("end", () => {
    ended = true;
    signal();
  });
  parser.on("error", (e) => {
    failure ??= e;
    signal();
  });

  try {
    for (;;) {
      const batch: CsvRecord[] = [];
      let values: string[] | null;
      while ((values = parser.read() as string[] | null) !== null) {
        if (!isBlank(values)) batch.push({ line, values });
        line += 1 + linesIn(values);
      }
      if (batch.length > 0) yield batch;
      else if (failure) throw refusal(failure, line);
      else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    source.destroy();
    parser.destroy();
  }
}
