import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { CHILD_HEADER, counts, csv, importFile, MARK_HEADER, newTenant, upn } from "../helpers/import-fixture";

// What a user sees when the file itself is wrong: a structural error refuses the whole file (nothing
// written, the refusal recorded as an ImportRun); a readable file with odd formatting is read.
describe("import: the file as a whole", () => {
  let db: TestDb;
  let tenant: number;
  beforeAll(async () => {
    db = await createTestDb();
    tenant = await newTenant(db, "format");
  });
  afterAll(async () => db?.close());

  async function expectRefused(content: string | Buffer, message: string, batchSize?: number) {
    const kind = "children";
    const before = await db.prisma.child.count();
    const r = await importFile(db, tenant, kind, content, { batchSize });
    expect(r.status).toBe("REFUSED");
    expect(r.message).toBe(message);
    expect(counts(r)).toEqual({ status: "REFUSED", inserted: 0, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 });
    const run = await db.prisma.importRun.findUniqueOrThrow({ where: { tenantId_id: { tenantId: tenant, id: r.importRunId } } });
    expect(run).toMatchObject({ status: "REFUSED", message, kind: "CHILDREN", actor: "cli", fileName: "children.csv" });
    expect(await db.prisma.child.count()).toBe(before);
    return r;
  }

  it("refuses an image", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    await expectRefused(png, "This is not a CSV file: it holds binary data (an image, a PDF or a spreadsheet, for example).");
  });

  it("refuses an Excel workbook, saying how to save it as CSV", async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.alloc(100, 0)]);
    await expectRefused(
      xlsx,
      'This is an Excel workbook or another zipped file, not a CSV file. In Excel, use Save As and choose "CSV UTF-8 (Comma delimited)", then import that file.',
    );
  });

  it("refuses an empty file, and one of blank lines", async () => {
    await expectRefused("", "The file is empty.");
    await expectRefused("\uFEFF\r\n\r\n  \r\n", "The file is empty.");
  });

  it("reads a header-only file as no rows, with a warning", async () => {
    const r = await importFile(db, tenant, "children", csv([CHILD_HEADER]));
    expect(counts(r)).toEqual({ status: "SUCCEEDED", inserted: 0, updated: 0, unchanged: 0, rejected: 0, unmatched: 0 });
    expect(r.warnings).toEqual(["The file has a header row but no data rows: nothing was imported."]);
  });

  it("refuses a file missing a required column", async () => {
    await expectRefused(csv(["child_id,first_name,last_name,sex", "C1,Ann,Smith,F"]), 'The header row is missing the required column "date_of_birth".');
    await expectRefused(
      csv(["child_id,first_name", "C1,Ann"]),
      'The header row is missing the required columns "last_name", "date_of_birth" and "sex".',
    );
  });

  it("says so when the file is another kind of import", async () => {
    await expectRefused(
      csv([MARK_HEADER, `${upn(1)},100001,School,2025-09-01,AM,/`]),
      'The first line of the file is not the header of children.csv, which names at least the columns "child_id", "first_name", "last_name", "date_of_birth" and "sex". It looks like attendance.csv: import it as attendance.',
    );
  });

  it("refuses semicolon-separated values and a column named twice", async () => {
    await expectRefused(
      csv(["child_id;first_name;last_name;date_of_birth;sex", "C1;Ann;Smith;2015-01-01;F"]),
      "The values in this file are separated by semicolons; children.csv must be separated by commas.",
    );
    await expectRefused(
      csv(["child_id,first_name,last_name,date_of_birth,sex,Child_ID", "C1,Ann,Smith,2015-01-01,F,C1"]),
      'The header names the column "child_id" twice (columns 1 and 6).',
    );
  });

  it("refuses, and writes nothing of, a file whose quote never closes half-way through", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `C${i},,Ann,Smith,2015-01-01,F,,,,,`);
    const r = await expectRefused(
      csv([CHILD_HEADER, ...rows, 'C99,,"Ann,Smith,2015-01-01,F,,,,,', "C100,,Bob,Smith,2015-01-01,M,,,,,"]),
      'Line 32 opens a quoted value (") that is never closed, so the file cannot be read as CSV.',
      10, // three batches are written before the bad line is reached
    );
    expect(r.rejectedRows).toEqual([]);
  });

  it("refuses text that is not UTF-8, naming the line", async () => {
    const latin1 = Buffer.concat([
      Buffer.from(csv([CHILD_HEADER, "C1,,Ann,Smith,2015-01-01,F,,,,,"]) + "C2,,Zo"),
      Buffer.from([0xeb]), // "ë" in Windows-1252
      Buffer.from(",Smith,2015-01-01,F,,,,,\n"),
    ]);
    await expectRefused(
      latin1,
      'Line 3 is not UTF-8 text (the file was probably saved in another encoding). In Excel, use Save As and choose "CSV UTF-8 (Comma delimited)", then import that file.',
    );
  });

  it("reads a byte-order mark, CRLF line ends, quoted commas and quoted line breaks, and any header case", async () => {
    const text =
      "\uFEFF" +
      csv(
        [
          "Child_ID, UPN ,First_Name,LAST_NAME,Date Of Birth,sex,Notes",
          `C1,${upn(1)},"Ann, Marie","O""Neil",2015-01-02,F,"a note, with a comma"`,
          `C2,,Bob,"Smith`,
          `Jones",01/02/2014,M,"two`,
          `lines"`,
          `C3,,Cat,Smith,31/02/2026,F,`,
        ],
        "\r\n",
      );
    const r = await importFile(db, tenant, "children", text);
    expect(counts(r)).toEqual({ status: "SUCCEEDED", inserted: 2, updated: 0, unchanged: 0, rejected: 1, unmatched: 0 });
    // The header is line 1; C2 spans lines 3 to 5, so C3 is on line 6.
    expect(r.rejectedRows).toEqual([{ line: 6, column: "date_of_birth", reason: "31/02/2026 is not a real date" }]);
    expect(r.warnings).toEqual(['Column "Notes" is not part of children.csv and was ignored.']);
    const ann = await db.prisma.child.findFirstOrThrow({ where: { tenantId: tenant, childRef: "C1" } });
    expect(ann).toMatchObject({ firstName: "Ann, Marie", lastName: 'O"Neil', upn: upn(1) });
    const bob = await db.prisma.child.findFirstOrThrow({ where: { tenantId: tenant, childRef: "C2" } });
    expect(bob.lastName).toBe("Smith\r\nJones");
    expect(bob.dateOfBirth.toISOString().slice(0, 10)).toBe("2014-02-01");
  });

  it("rejects a row with the wrong number of values, and accepts trailing empty ones", async () => {
    const r = await importFile(
      db,
      tenant,
      "children",
      csv(["child_id,first_name,last_name,date_of_birth,sex", "D1,Ann,Smith,2015-01-01", "D2,Bob,Smith,2015-01-01,M,,", "D3,Cy,Smith,2015-01-01,M,x"]),
    );
    expect(counts(r)).toMatchObject({ inserted: 1, rejected: 2 });
    expect(r.rejectedRows).toEqual([
      { line: 2, column: "", reason: "this row has 4 values but the header has 5 columns" },
      { line: 4, column: "", reason: "this row has 6 values but the header has 5 columns" },
    ]);
  });
});
