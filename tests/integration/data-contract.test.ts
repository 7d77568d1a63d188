import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readHeader } from "@/lib/import/columns";
import { COLUMN_SPECS } from "@/lib/import/kinds";
import { IMPORT_KINDS, type ImportKind } from "@/lib/import";
import { createCliDb, runCli, writeTempFile, type CliDb, type CliResult } from "../helpers/cli";
import { upn } from "../helpers/import-fixture";

// docs/data-contract.md is what authorities script against. This reads it and holds the code to it:
// every command line it shows runs (through the real command line, in document order), every CSV column
// it lists is a column of that file for the import, with the same required / optional, and the report
// JSON it shows is the shape `report --json` prints, key for key, in both directions.

const DOC = fs.readFileSync("docs/data-contract.md", "utf8");

/** The text under a heading, up to the next heading of the same or a higher level. */
function section(heading: RegExp): string {
  const lines = DOC.split("\n");
  const start = lines.findIndex((l) => heading.test(l));
  if (start === -1) throw new Error(`docs/data-contract.md has no heading ${heading}`);
  const level = lines[start]!.match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start + 1, end === -1 ? undefined : end).join("\n");
}

const fenced = (text: string) => [...text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
const ticked = (text: string) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

// ---- CSV files: "### children.csv (key: `child_id`)" and a table of | `column` | yes/no | rule |.

type DocFile = { kind: ImportKind; key: string[]; columns: { name: string; required: boolean }[] };

function documentedFiles(): DocFile[] {
  const lines = DOC.split("\n");
  return lines.flatMap((line) => {
    const m = line.match(/^###\s+(\w+)\.csv\s+\(key:\s*(.+)\)\s*$/);
    if (!m) return [];
    const body = section(new RegExp(`^###\\s+${m[1]}\\.csv`)).split("\n");
    const columns = body
      .filter((l) => /^\|\s*`/.test(l))
      .flatMap((row) => {
        const [names, required] = row.split("|").slice(1, 3).map((c) => c.trim());
        return ticked(names!).map((name) => ({ name, required: required === "yes" }));
      });
    return [{ kind: m[1] as ImportKind, key: ticked(m[2]!), columns }];
  });
}

// ---- Report JSON: the pseudo-JSON of the "Report JSON" section, read as a shape.

/** An object's documented keys, whether it spreads Measures in, and whether it says "..." (more keys of the same kind). */
type Shape = { kind: "object"; keys: Map<string, Value>; spreadsMeasures: boolean; open: boolean } | { kind: "array"; item: Value };
type Value = Shape | "Measures" | "leaf";
type ObjectShape = Extract<Shape, { kind: "object" }>;

function parseShape(text: string): Value {
  let i = 0;
  const skip = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text.startsWith("//", i)) while (i < text.length && text[i] !== "\n") i++;
      else return;
    }
  };
  const word = () => {
    const m = /^[A-Za-z_][\w|]*/.exec(text.slice(i));
    i += m ? m[0].length : 0;
    return m?.[0] ?? "";
  };
  const string = () => {
    const end = text.indexOf('"', i + 1);
    const s = text.slice(i + 1, end);
    i = end + 1;
    return s;
  };
  const value = (): Value => {
    skip();
    if (text[i] === "{") return object();
    if (text[i] === "[") {
      i++;
      const item = value();
      skip();
      if (text[i] !== "]") throw new Error(`report JSON in the doc: expected ] at ${text.slice(i, i + 20)}`);
      i++;
      return { kind: "array", item };
    }
    if (text[i] === '"') {
      string();
      return "leaf";
    }
    return word() === "Measures" ? "Measures" : "leaf";
  };
  const object = (): Shape => {
    i++;
    const shape: Shape = { kind: "object", keys: new Map(), spreadsMeasures: false, open: false };
    for (;;) {
      skip();
      if (text[i] === "}") {
        i++;
        return shape;
      }
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text.startsWith("...", i)) {
        i += 3;
        if (word() === "Measures") shape.spreadsMeasures = true;
        else shape.open = true;
        continue;
      }
      if (text[i] !== '"') throw new Error(`report JSON in the doc: unexpected ${text.slice(i, i + 20)}`);
      const key = string();
      skip();
      if (text[i] !== ":") throw new Error(`report JSON in the doc: no value for "${key}"`);
      i++;
      shape.keys.set(key, value());
    }
  };
  return value();
}

function documentedReport(): { report: ObjectShape; measures: ObjectShape } {
  const [block] = fenced(section(/^## Report JSON/));
  const [report, measures] = block!.split(/^Measures\s*=\s*/m);
  const r = parseShape(report!);
  const m = parseShape(measures!);
  if (typeof r === "string" || r.kind !== "object" || typeof m === "string" || m.kind !== "object") throw new Error("the report JSON of the doc is not two objects");
  return { report: r, measures: m };
}

/** Every difference between the documented shape and a value the code produced, as "path: problem". */
function differences(shape: Value, actual: unknown, measures: ObjectShape, path: string): string[] {
  if (shape === "leaf") return [];
  if (shape === "Measures") return differences(measures, actual, measures, path);
  if (shape.kind === "array") {
    if (!Array.isArray(actual) || actual.length === 0) return [`${path}: expected a non-empty array`];
    return actual.flatMap((item, n) => differences(shape.item, item, measures, `${path}[${n}]`));
  }
  if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return [`${path}: expected an object`];
  const got = actual as Record<string, unknown>;
  const problems: string[] = [];
  // "{ ... }" alone abbreviates groups like its siblings': "<value>": Measures, ...
  const keys = shape.open && shape.keys.size === 0 ? new Map<string, Value>([["<group>", "Measures"]]) : shape.keys;
  const placeholders = [...keys.keys()].filter((k) => /^<.+>$/.test(k));
  const named = [...keys.keys()].filter((k) => !/^<.+>$/.test(k));
  const documented = new Set([...named, ...(shape.spreadsMeasures ? measures.keys.keys() : [])]);
  for (const k of documented) if (!(k in got)) problems.push(`${path}.${k}: documented, missing from the report`);
  for (const k of named) if (k in got) problems.push(...differences(keys.get(k)!, got[k], measures, `${path}.${k}`));
  if (placeholders.length) {
    // "<value>": Measures, ... : every key of the object is a group, each with that shape.
    const groups = Object.keys(got);
    if (groups.length === 0) problems.push(`${path}: no group to check (the test data must give one)`);
    for (const g of groups) problems.push(...differences(keys.get(placeholders[0]!)!, got[g], measures, `${path}.${g}`));
  } else if (!shape.open) {
    for (const k of Object.keys(got)) if (!documented.has(k)) problems.push(`${path}.${k}: in the report, not documented`);
  }
  return problems;
}

// ---- Command lines: every line of a code block that starts "npm run cli -- ", made concrete.

const SAMPLE: Record<string, string> = {
  child_id: "K1",
  upn: upn(7),
  first_name: "Ann",
  last_name: "Smith",
  date_of_birth: "2015-01-01",
  sex: "F",
  ethnicity: "WBRI",
  sen: "N",
  fsm: "N",
  eal: "N",
  team: "North",
  status: "CIN",
  start_date: "2024-06-01",
  end_date: "",
  school_urn: "100001",
  school_name: "Oak",
  date: "2025-10-06",
  session: "AM",
  code: "/",
};

/** A file of `kind` with the documented columns, in the documented order, and one row. */
function sampleFile(file: DocFile): string {
  const missing = file.columns.filter((c) => c.required && !(c.name in SAMPLE)).map((c) => c.name);
  if (missing.length) throw new Error(`no sample value for the required column(s) ${missing.join(", ")} of ${file.kind}.csv`);
  const row = file.columns.map((c) => SAMPLE[c.name] ?? "");
  return writeTempFile(`${file.kind}.csv`, `${file.columns.map((c) => c.name).join(",")}\n${row.join(",")}\n`);
}

/** Splits a documented command line into words, honouring double quotes. */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

/** Every concrete argv of a documented line: alternatives a|b expanded, optional [--flag] included. */
function expand(args: string[], values: (placeholder: string, nth: number) => string[]): string[][] {
  let out: string[][] = [[]];
  const seen = new Map<string, number>();
  for (const raw of args) {
    const w = raw.replace(/^\[|\]$/g, "");
    let choices: string[];
    if (/^<.+>$/.test(w) || w === "YYYY-MM-DD") {
      const n = seen.get(w) ?? 0;
      seen.set(w, n + 1);
      choices = /^<[^>]*\|[^>]*>$/.test(w) ? w.slice(1, -1).split("|") : values(w, n);
    } else choices = w.startsWith("--") ? [w] : w.split("|");
    out = out.flatMap((prefix) => choices.map((c) => [...prefix, c]));
  }
  return out;
}

describe("docs/data-contract.md against the code", () => {
  let db: CliDb;
  beforeAll(async () => {
    db = await createCliDb();
  });
  afterAll(async () => db?.close());

  it("documents the three CSV files, each column accepted by the import as documented", () => {
    const files = documentedFiles();
    expect(files.map((f) => f.kind).sort()).toEqual([...IMPORT_KINDS].sort());
    for (const f of files) {
      const spec = COLUMN_SPECS[f.kind];
      const documented = f.columns.map((c) => c.name);
      // The import's own header reader takes the documented header without a warning.
      expect(readHeader(documented, f.kind, COLUMN_SPECS).warnings, `${f.kind}.csv`).toEqual([]);
      expect(f.columns.filter((c) => c.required).map((c) => c.name).sort(), `${f.kind}.csv required columns`).toEqual([...spec.required].sort());
      expect(f.columns.filter((c) => !c.required).map((c) => c.name).sort(), `${f.kind}.csv optional columns`).toEqual([...spec.optional].sort());
      for (const k of f.key) expect(spec.required, `${f.kind}.csv key ${k}`).toContain(k);
    }
  });

  // A dozen processes of the command line, one after another: more than the default minute on a busy machine.
  it("runs every documented command line, and `report --json` prints the documented report", { timeout: 240_000 }, async () => {
    const files = new Map(documentedFiles().map((f) => [f.kind, f]));
    const lines = fenced(DOC).flatMap((b) => b.split("\n")).filter((l) => l.startsWith("npm run cli -- ")).map((l) => words(l.slice("npm run cli -- ".length)));
    const commands = [...new Set(lines.map((l) => l[0]!).filter((w) => !w.startsWith("-") && !w.startsWith("<")))];
    expect(commands).toEqual(expect.arrayContaining(["tenant", "import", "report"]));
    const { report: reportShape, measures } = documentedReport();
    const importKeys = [...DOC.matchAll(/`\{("\w+":N,?)+\}`/g)].flatMap((m) => [...m[0].matchAll(/"(\w+)":N/g)].map((k) => k[1]!));
    expect(importKeys).toEqual(["inserted", "updated", "unchanged", "rejected", "unmatched"]);

    const ran: string[] = [];
    let reports = 0;
    for (const line of lines) {
      const argvs = expand(line, (placeholder, nth) => {
        if (placeholder === "<slug>") return ["contract-la"];
        if (placeholder === "<name>") return ["Contract LA"];
        if (placeholder === "<command>") return commands;
        // Made below, once the kind of file is known.
        if (placeholder === "<path.csv>") return [placeholder];
        if (placeholder === "YYYY-MM-DD") return [nth === 0 ? "2025-09-01" : "2025-12-19"];
        throw new Error(`no value for ${placeholder} in the documented command line: ${line.join(" ")}`);
      });
      for (const argv of argvs) {
        // The file of an import line is one of the documented kind, with exactly the documented columns.
        const file = argv.indexOf("<path.csv>");
        if (file !== -1) argv[file] = sampleFile(files.get(argv[1] as ImportKind)!);
        const r: CliResult = await runCli(db.url, argv);
        ran.push(argv.join(" "));
        expect(r.code, `npm run cli -- ${argv.join(" ")}\n${r.stderr}`).toBe(0);
        if (argv.includes("--help")) {
          expect(r.stdout).toMatch(/Usage/);
        } else if (argv[0] === "import") {
          expect(r.stderr, "the documented columns raise no warning").not.toMatch(/ignored/);
          expect(Object.keys(JSON.parse(r.stdout.trim().split("\n").at(-1)!))).toEqual(importKeys);
        } else if (argv[0] === "report" && argv.includes("--json")) {
          const report = JSON.parse(r.stdout);
          expect(report.children.length, "the sample child is in the report").toBeGreaterThan(0);
          expect(differences(reportShape, report, measures, "report")).toEqual([]);
          reports++;
        }
      }
    }
    const ranCommands = ran.map((a) => a.split(" ").slice(0, 2).join(" "));
    expect(ranCommands).toEqual(expect.arrayContaining(["tenant create", "import children", "import statuses", "import attendance", "--help", "report --help"]));
    expect(reports).toBe(2);
  });
});
