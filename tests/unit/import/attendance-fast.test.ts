import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { upnCheckLetter } from "@/lib/attendance";
import { readHeader } from "@/lib/import/columns";
import { attendanceFastRow } from "@/lib/import/attendance-fast";
import { COLUMN_SPECS } from "@/lib/import/kinds";
import { attendanceMarkRowSchema } from "@/lib/schemas/attendance-mark";

// The fast reader of attendance rows accepts only rows the schema accepts, and gives the same row; it
// accepts the ordinary valid rows (otherwise it would be no faster).

const validUpn = (n: number) => {
  const rest = `801${String(n).padStart(9, "0")}`;
  return `${upnCheckLetter(rest)}${rest}`;
};

const cell = (good: fc.Arbitrary<string>, bad: fc.Arbitrary<string>) =>
  fc.tuple(fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: bad }), fc.constantFrom("", " ", "  ")).map(([v, pad]) => pad + v + pad);

const upn = cell(fc.nat(999).map(validUpn), fc.oneof(fc.constantFrom("", "R201100018043", "r201100018042", "T20110001804V", "X"), fc.string({ maxLength: 14 })));
const urn = cell(fc.integer({ min: 100000, max: 999999 }).map(String), fc.constantFrom("", "12345", "1234567", "12345a", "１２３４５６"));
const name = cell(fc.constantFrom("", "School 1", "St Mary's, Leeds", "é"), fc.constantFrom("x".repeat(200), "x".repeat(201), " ".repeat(300)));
const date = cell(fc.constantFrom("2025-09-01", "01/09/2025", "1/9/2025", "2024-02-29"), fc.constantFrom("", "2025-02-29", "31/02/2025", "2025/09/01", "soon", "2025-9-1"));
const session = cell(fc.constantFrom("AM", "PM", "am", "Pm"), fc.constantFrom("", "A", "AMPM", "noon"));
const code = cell(fc.constantFrom("/", "\\", "L", "N", "I", "-", "Y1", "H", "J"), fc.constantFrom("", "i", "ZZ", "Y8", "?", "/ "));

const HEADERS = [
  ["upn", "school_urn", "school_name", "date", "session", "code"],
  ["code", "session", "date", "upn", "school_urn"],
  ["UPN", "extra", "school_urn", "date", "session", "code", "school_name"],
];

describe("attendanceFastRow", () => {
  it("gives the schema's row for every row it accepts, and accepts the schema's valid rows", () => {
    fc.assert(
      fc.property(fc.constantFrom(...HEADERS), upn, urn, name, date, session, code, fc.constantFrom(0, 0, 0, 1, -1), (names, ...rest) => {
        const width = rest.pop() as number;
        const byField: Record<string, string> = { upn: rest[0] as string, school_urn: rest[1] as string, school_name: rest[2] as string, date: rest[3] as string, session: rest[4] as string, code: rest[5] as string };
        const header = readHeader(names, "attendance", COLUMN_SPECS);
        const values = header.fields.map((f) => (f === null ? "ignored" : byField[f]!));
        if (width > 0) values.push("");
        if (width < 0) values.pop();
        const fast = attendanceFastRow(header)(values);
        const cells: Record<string, string> = {};
        header.fields.forEach((f, i) => {
          if (f && i < values.length) cells[f] = values[i]!;
        });
        const parsed = attendanceMarkRowSchema.safeParse(cells);
        if (fast !== null) {
          expect(width).toBe(0);
          expect(parsed.success).toBe(true);
          expect(fast).toEqual(parsed.data);
        } else if (width === 0) {
          expect(parsed.success).toBe(false);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
