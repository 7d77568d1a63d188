import fs from "node:fs";
import { ImportRefused } from "./types";

// The bytes of an uploaded or named file, decoded as UTF-8 text. Whatever is not UTF-8 text is refused
// with a message that says what the file seems to be instead, since the usual mistake is uploading the
// spreadsheet itself, or a CSV saved in another encoding.

const SAVE_AS_CSV = 'In Excel, use Save As and choose "CSV UTF-8 (Comma delimited)", then import that file.';
const HEAD_BYTES = 4096;

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** Refuses a file whose first bytes show it is not text. */
function sniff(head: Buffer): void {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    throw new ImportRefused(`This is an Excel workbook or another zipped file, not a CSV file. ${SAVE_AS_CSV}`);
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportRefused(`This is an Excel 97-2003 workbook (.xls), not a CSV file. ${SAVE_AS_CSV}`);
  }
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    throw new ImportRefused(`The file is saved as UTF-16 text; it must be UTF-8. ${SAVE_AS_CSV}`);
  }
  // Text never holds NUL or most other control characters; images, PDFs and programs do.
  for (const b of head) {
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) {
      throw new ImportRefused("This is not a CSV file: it holds binary data (an image, a PDF or a spreadsheet, for example).");
    }
  }
}

function countLines(buf: Buffer, end = buf.length): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1 && i < end; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** Where the first byte that is not UTF-8 sits (the decoder only says that there is one). */
function firstInvalidByte(buf: Buffer): number {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) {
      if (i + k >= buf.length) return buf.length; // cut at the end of the chunk: fine so far
      if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += extra;
  }
  return buf.length;
}

function notUtf8(line: number): ImportRefused {
  return new ImportRefused(`Line ${line} is not UTF-8 text (the file was probably saved in another encoding). ${SAVE_AS_CSV}`);
}

/**
 * The text of the input, chunk by chunk. A leading byte-order mark is dropped. Refuses (ImportRefused)
 * binary files and text that is not UTF-8.
 */
export async function* decodeText(input: NodeJS.ReadableStream | string): AsyncGenerator<string> {
  const stream = typeof input === "string" ? fs.createReadStream(input, { highWaterMark: 1 << 20 }) : input;
  // fatal: bytes that are not UTF-8 throw instead of turning into U+FFFD. ignoreBOM false: the BOM is dropped.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let head: Buffer | null = Buffer.alloc(0) as Buffer;
  let line = 1;
  const decode = (buf: Buffer, last: boolean): string => {
    try {
      const text = decoder.decode(buf, { stream: !last });
      line += countLines(buf);
      return text;
    } catch {
      throw notUtf8(line + countLines(buf, firstInvalidByte(buf)));
    }
  };
  try {
    for await (const chunk of stream) {
      let buf: Buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk as Uint8Array);
      if (head) {
        head = Buffer.concat([head, buf]);
        if (head.length < HEAD_BYTES) continue;
        sniff(head.subarray(0, HEAD_BYTES));
        buf = head;
        head = null;
      }
      const text = decode(buf, false);
      if (text) yield text;
    }
    if (head) sniff(head);
    const rest = decode(head ?? Buffer.alloc(0), true);
    if (rest) yield rest;
  } finally {
    if ("destroy" in stream && typeof stream.destroy === "function") stream.destroy();
  }
}
