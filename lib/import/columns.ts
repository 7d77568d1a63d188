import { ImportRefused, type ImportKind } from "./types";

// The header row: which column holds which field. Names are matched ignoring case and surrounding
// spaces ("Child ID" and "child-id" also match child_id); unknown columns are ignored with a warning;
// a missing required column refuses the file.

export type ColumnSpec = { readonly required: readonly string[]; readonly optional: readonly string[] };

export type Header = {
  /** The field each column of the file holds, or null for a column that is ignored. */
  fields: (string | null)[];
  warnings: string[];
};

const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, "_");

function quotedList(names: readonly string[]): string {
  const q = names.map((n) => `"${n}"`);
  return q.length === 1 ? q[0]! : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

/** The kind of file whose required columns a header holds, to suggest when the user picked the wrong one. */
function looksLike(names: Set<string>, specs: Record<ImportKind, ColumnSpec>, kind: ImportKind): ImportKind | null {
  for (const [other, spec] of Object.entries(specs) as [ImportKind, ColumnSpec][]) {
    if (other !== kind && spec.required.every((c) => names.has(c))) return other;
  }
  return null;
}

export function readHeader(values: string[], kind: ImportKind, specs: Record<ImportKind, ColumnSpec>): Header {
  const spec = specs[kind];
  const file = `${kind}.csv`;
  if (values.length === 1) {
    const only = values[0]!;
    const sep = only.includes(";") ? "semicolons" : only.includes("\t") ? "tabs" : null;
    if (sep) throw new ImportRefused(`The values in this file are separated by ${sep}; ${file} must be separated by commas.`);
  }
  const known = new Set([...spec.required, ...spec.optional]);
  const fields: (string | null)[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  values.forEach((raw, i) => {
    const name = normalise(raw);
    if (name === "") {
      warnings.push(`Column ${i + 1} has no name and was ignored.`);
      fields.push(null);
    } else if (!known.has(name)) {
      warnings.push(`Column "${raw.trim()}" is not part of ${file} and was ignored.`);
      fields.push(null);
    } else if (seen.has(name)) {
      throw new ImportRefused(`The header names the column "${name}" twice (columns ${seen.get(name)! + 1} and ${i + 1}).`);
    } else {
      seen.set(name, i);
      fields.push(name);
    }
  });
  const missing = spec.required.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    const other = looksLike(new Set(values.map(normalise)), specs, kind);
    const hint = other ? ` It looks like ${other}.csv: import it as ${other}.` : "";
    if (missing.length === spec.required.length) {
      throw new ImportRefused(
        `The first line of the file is not the header of ${file}, which names at least the columns ${quotedList(spec.required)}.${hint}`,
      );
    }
    const what = missing.length === 1 ? "column" : "columns";
    throw new ImportRefused(`The header row is missing the required ${what} ${quotedList(missing)}.${hint}`);
  }
  return { fields, warnings };
}
