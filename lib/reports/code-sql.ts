// SQL fragments generated from lib/attendance's code table, so that the database classifies register
// codes exactly as the domain rules do: one source of truth, no code list retyped into SQL.
import {
  ATTENDANCE_CODES,
  AUTHORISED_CODES,
  NO_MARK_CODE,
  UNAUTHORISED_CODES,
} from "@/lib/attendance";

/**
 * A SQL string literal holding `text` exactly. Quotes are doubled; a backslash (the PM present code is
 * `\`) goes into an E'' literal with the backslash doubled, which reads the same whatever the server's
 * standard_conforming_strings setting is.
 */
export function sqlLiteral(text: string): string {
  if (text.includes("\0")) throw new RangeError("A SQL literal cannot hold a NUL character");
  const quoted = text.replaceAll("'", "''");
  return text.includes("\\") ? `E'${quoted.replaceAll("\\", "\\\\")}'` : `'${quoted}'`;
}

/** `(<lit>, <lit>, ...)` for an IN list; a list is never empty here (the code table has every category). */
export function sqlInList(values: readonly string[]): string {
  if (values.length === 0) throw new RangeError("An SQL IN list needs at least one value");
  return `(${values.map(sqlLiteral).join(", ")})`;
}

const POSSIBLE = [...ATTENDANCE_CODES, ...AUTHORISED_CODES, ...UNAUTHORISED_CODES];

/**
 * The session counts of lib/attendance `Counts`, as aggregate columns over a code column (`m.code`).
 * NULL codes (an outer join that found no mark) count nowhere. Each column is cast to int: counts of one
 * GROUP BY row stay far below 2^31, and both drivers then hand back plain numbers.
 */
export function countColumnsSql(code: string): string {
  const count = (list: readonly string[]) => `count(*) FILTER (WHERE ${code} IN ${sqlInList(list)})::int`;
  return [
    `${count(POSSIBLE)} AS possible`,
    `${count(ATTENDANCE_CODES)} AS attended`,
    `${count(AUTHORISED_CODES)} AS authorised`,
    `${count(UNAUTHORISED_CODES)} AS unauthorised`,
    `${count([NO_MARK_CODE])} AS "noMark"`,
  ].join(",\n  ");
}

/**
 * The session counts of one register day from its two marks (`am`, `pm`: code expressions, null for a
 * session without a mark), as int expressions in the order possible, attended, authorised,
 * unauthorised, noMark: the same classes as countColumnsSql.
 */
export function dayCountsSql(am: string, pm: string): string[] {
  const count = (list: readonly string[]) => {
    const inList = sqlInList(list);
    return `(CASE WHEN ${am} IN ${inList} THEN 1 ELSE 0 END + CASE WHEN ${pm} IN ${inList} THEN 1 ELSE 0 END)`;
  };
  return [count(POSSIBLE), count(ATTENDANCE_CODES), count(AUTHORISED_CODES), count(UNAUTHORISED_CODES), count([NO_MARK_CODE])];
}
