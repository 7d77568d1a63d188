import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { decodeText } from "./text-input";
import { ImportRefused } from "./types";

// RFC 4180 records, streamed, with the physical line on which each record starts, handed over in
// batches rather than one promise per record.
//
// Two readers give the same records. A file of millions of rows is read by a plain scanner: lines
// without quotes are split at the commas, and well-formed quoted values (quoted commas, "" for a quote,
// line breaks inside quotes) are read in place. At the first thing it does not handle itself (a quote
// inside an unquoted value, text after a closing quote, a lone CR, a quote that is not closed, an
// over-long record), it hands the rest of the file, from that record, to csv-parse, which does all of
// RFC 4180 and the relaxed quoting the import allows, and whose messages name the file's own lines.

export type CsvRecord = { line: number; values: string[] };

/** Records per batch handed over by the scanner. */
const BATCH_RECORDS = 2_000;

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
 * csv-parse over the text chunks `text`, whose first chunk starts on line `firstLine`: csv-parse is
 * given that many line breaks first (read as blank records and left out), so that its messages and the
 * lines counted here are the file's.
 */
async function* parsedRecords(text: AsyncIterable<string>, firstLine = 1): AsyncGenerator<CsvRecord[]> {
  const parser = parse({
    delimiter: ",",
    record_delimiter: ["\r\n", "\n"], // either, even mixed in one file
    relax_column_count: true, // the import reports a short or long row itself, with its line
    relax_quotes: true, // a quote inside an unquoted value (Pat "PJ" Smith) is kept as written
    skip_empty_lines: false, // kept, so that lines can be counted; dropped below
    max_record_size: MAX_RECORD_CHARS,
  });
  async function* withLead(): AsyncGenerator<string> {
    if (firstLine > 1) yield "\n".repeat(firstLine - 1);
    yield* text;
  }
  const source = Readable.from(withLead());
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

/** The records of a CSV file read by csv-parse alone (the reference the scanner is tested against). */
export function csvRecordsParsed(input: NodeJS.ReadableStream | string): AsyncGenerator<CsvRecord[]> {
  return parsedRecords(decodeText(input));
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/** A record read by the scanner: its values, where the next one starts, and the line breaks inside it. */
type Scanned = { values: string[]; next: number; breaks: number };
/** "more": the record may go on in text not yet read; "hand over": a case for csv-parse. */
type ScanResult = Scanned | "more" | "hand over";

/** Where the next quote or CR of a text is, found once rather than searched for at every line. */
class NextOf {
  private readonly found = new Map<string, number>();
  constructor(private readonly buf: string) {}
  at(char: string, from: number): number {
    const last = this.found.get(char);
    if (last !== undefined && (last === -1 || last >= from)) return last;
    const i = this.buf.indexOf(char, from);
    this.found.set(char, i);
    return i;
  }
}

/**
 * The record starting at `start` of `buf` (which holds the whole rest of the file when `eof`).
 * Handles lines without quotes and well-formed quoted values; anything else is handed over.
 */
function scanRecord(buf: string, start: number, eof: boolean, next: NextOf): ScanResult {
  const lf = buf.indexOf("\n", start);
  const quote = next.at('"', start);
  if (quote === -1 || (lf !== -1 && quote > lf)) {
    // A line without quotes.
    if (lf === -1 && !eof) return buf.length - start > MAX_RECORD_CHARS ? "hand over" : "more";
    let end = lf === -1 ? buf.length : lf;
    if (end - start > MAX_RECORD_CHARS) return "hand over";
    if (lf !== -1 && end > start && buf.charCodeAt(end - 1) === CR) end--;
    const cr = next.at("\r", start);
    if (cr !== -1 && cr < end) return "hand over";
    return { values: buf.slice(start, end).split(","), next: lf === -1 ? buf.length : lf + 1, breaks: 0 };
  }
  // A line with a quote: value by value.
  const values: string[] = [];
  let i = start;
  let breaks = 0;
  for (;;) {
    if (i - start > MAX_RECORD_CHARS) return "hand over";
    if (buf.charCodeAt(i) === QUOTE) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = buf.indexOf('"', from);
        if (q === -1) return eof ? "hand over" : "more";
        if (q + 1 >= buf.length && !eof) return "more";
        value += buf.slice(from, q);
        if (buf.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      for (let k = value.indexOf("\n"); k !== -1; k = value.indexOf("\n", k + 1)) breaks++;
      values.push(value);
      // After the closing quote: a comma, the end of the record, or a case for csv-parse.
      const c = buf.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      if (i >= buf.length) return eof ? { values, next: i, breaks } : "more";
      if (c === LF) return { values, next: i + 1, breaks };
      if (c === CR) {
        if (i + 1 >= buf.length) return eof ? "hand over" : "more";
        return buf.charCodeAt(i + 1) === LF ? { values, next: i + 2, breaks } : "hand over";
      }
      return "hand over";
    }
    // An unquoted value: up to the next comma or the end of the line; it holds no quote and no CR.
    let end = i;
    for (; end < buf.length; end++) {
      const c = buf.charCodeAt(end);
      if (c === COMMA || c === LF) break;
      if (c === QUOTE) return "hand over";
      if (c === CR) {
        if (end + 1 >= buf.length) return eof ? "hand over" : "more";
        if (buf.charCodeAt(end + 1) === LF) break;
        return "hand over";
      }
    }
    if (end >= buf.length && !eof) return "more";
    values.push(buf.slice(i, end));
    if (end >= buf.length) return { values, next: end, breaks };
    const c = buf.charCodeAt(end);
    if (c === COMMA) {
      i = end + 1;
      continue;
    }
    return { values, next: c === LF ? end + 1 : end + 2, breaks };
  }
}

/**
 * The records of a CSV file in batches, header first, blank lines left out. Throws ImportRefused when
 * the bytes are not UTF-8 text or the text is not CSV.
 */
export async function* csvRecords(input: NodeJS.ReadableStream | string): AsyncGenerator<CsvRecord[]> {
  const text = decodeText(input);
  let buf = "";
  let pos = 0;
  let line = 1;
  let eof = false;
  let nextOf = new NextOf(buf);
  let needMore = true;
  try {
    for (;;) {
      if (needMore && !eof) {
        const chunk = await text.next();
        if (chunk.done) eof = true;
        else {
          buf = pos < buf.length ? buf.slice(pos) + chunk.value : chunk.value;
          pos = 0;
          nextOf = new NextOf(buf);
        }
      }
      needMore = false;
      const batch: CsvRecord[] = [];
      let handOver = false;
      for (;;) {
        if (pos >= buf.length) {
          needMore = true;
          break;
        }
        const r = scanRecord(buf, pos, eof, nextOf);
        if (r === "more") {
          needMore = true;
          break;
        }
        if (r === "hand over") {
          handOver = true;
          break;
        }
        if (!isBlank(r.values)) batch.push({ line, values: r.values });
        line += 1 + r.breaks;
        pos = r.next;
        // Small batches: the records of a batch live until it is taken, and big ones would outlive
        // the young generation of the garbage collector.
        if (batch.length >= BATCH_RECORDS) break;
      }
      if (batch.length > 0) yield batch;
      if (handOver) {
        const rest = buf.slice(pos);
        buf = "";
        async function* restOfFile(): AsyncGenerator<string> {
          yield rest;
          for (;;) {
            const chunk = await text.next();
            if (chunk.done) return;
            yield chunk.value;
          }
        }
        yield* parsedRecords(restOfFile(), line);
        return;
      }
      if (eof && pos >= buf.length) return;
    }
  } finally {
    await text.return(undefined);
  }
}
