import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecords, csvRecordsParsed, type CsvRecord } from "@/lib/import/csv-reader";

// The reader gives back what an RFC 4180 writer wrote, with the physical line each record starts on,
// whatever the chunk boundaries (a multi-byte character or a CRLF may be split between chunks).

async function read(chunks: Buffer[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const batch of csvRecords(Readable.from(chunks))) out.push(...batch);
  return out;
}

const quote = (v: string) => (/[",\r\n]/.test(v) || v.trim() !== v ? `"${v.replace(/"/g, '""')}"` : v);

function split(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) parts.push(bytes.subarray(from, p));
    from = p;
  }
  return parts;
}

describe("csvRecords", () => {
  it("reads back any table, with each record's first line", async () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "é", "£", ",", '"', "\n", "\r\n", " ", "1", "😀") , maxLength: 6 });
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom("\n", "\r\n"), fc.array(fc.nat(), { maxLength: 5 }), async (rows, eol, cuts) => {
        const lines = rows.map((r) => r.map(quote).join(","));
        const text = "\uFEFF" + lines.join(eol) + eol;
        const got = await read(split(Buffer.from(text), cuts));
        // Expected: blank records (every value blank) are left out; lines count every line break.
        const expected: CsvRecord[] = [];
        let line = 1;
        rows.forEach((values, i) => {
          if (!values.every((v) => v.trim() === "")) expected.push({ line, values });
          line += 1 + (lines[i]!.match(/\n/g)?.length ?? 0);
        });
        expect(got).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("counts blank lines and skips them", async () => {
    const got = await read([Buffer.from("a,b\n\n1,2\r\n \r\n,\n3,4")]);
    expect(got).toEqual([
      { line: 1, values: ["a", "b"] },
      { line: 3, values: ["1", "2"] },
      { line: 6, values: ["3", "4"] },
    ]);
  });

  it("reads any text as csv-parse alone does: the same records, or the same refusal", async () => {
    async function outcome(reader: typeof csvRecords, chunks: Buffer[]): Promise<CsvRecord[] | string> {
      const out: CsvRecord[] = [];
      try {
        for await (const batch of reader(Readable.from(chunks))) out.push(...batch);
      } catch (e) {
        return `refused: ${(e as Error).message} after ${JSON.stringify(out)}`;
      }
      return out;
    }
    const piece = fc.constantFrom("a", "b", " ", ",", '"', '""', "\n", "\r\n", "\r", "é", "x,y", '"q,r"', '"s""t"');
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 5 }), async (t, cuts) => {
        const bytes = Buffer.from("h1,h2\n" + t);
        const fast = await outcome(csvRecords, split(bytes, cuts));
        const parsed = await outcome(csvRecordsParsed, [bytes]);
        expect(fast).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  it("hands a file over to csv-parse at an odd quote, keeping the file's line numbers", async () => {
    const lines = ["a,b", "1,2", '3,"x', 'y"', '5,Pat "PJ" Smith', '"6",7'];
    const got = await read([Buffer.from(lines.join("\n") + "\n")]);
    expect(got).toEqual([
      { line: 1, values: ["a", "b"] },
      { line: 2, values: ["1", "2"] },
      { line: 3, values: ["3", "x\ny"] },
      { line: 5, values: ["5", 'Pat "PJ" Smith'] },
      { line: 6, values: ["6", "7"] },
    ]);
    const bad = csvRecords(Readable.from([Buffer.from("a,b\n1,2\n3,4\n\"5,6\n")]));
    await expect((async () => { for await (const _ of bad) void _; })()).rejects.toThrow(
      'Line 4 opens a quoted value (") that is never closed, so the file cannot be read as CSV.',
    );
  });

  it("reads a long file in batches, every line in order", async () => {
    const lines = Array.from({ length: 5_001 }, (_, i) => `${i},x`);
    const got = await read(split(Buffer.from(lines.join("\n")), [7, 40_000]));
    expect(got).toEqual(lines.map((l, i) => ({ line: i + 1, values: l.split(",") })));
  });
});
