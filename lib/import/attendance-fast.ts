import { isValidCode, parseDateInput, validateUpn } from "@/lib/attendance";
import type { AttendanceMarkRow } from "@/lib/schemas/attendance-mark";
import type { Header } from "./columns";

// The common case of attendance.csv, a valid row, read without zod: a file has millions of rows, and
// the schema's per-row objects and transforms cost several times the rest of the reading. It accepts
// exactly the rows attendanceMarkRowSchema accepts and gives the same row (tests/unit/import); any row
// it does not accept (a problem, or a row of the wrong width) goes through the schema, whose messages
// are the import's.

const SCHOOL_NAME_MAX = 200; // attendance-mark.ts: optionalText("school_name", 200)
const URN = /^\d{6}$/;

/**
 * A copy of a text that holds none of the text it was cut from: a value split off a line is a slice of
 * the megabyte of the file read with it, which a long-lived key would keep in memory.
 */
export const ownCopy = (s: string): string => (s.length === 0 ? s : JSON.parse(JSON.stringify(s)) as string);

/** A bounded cache of a pure check on the few thousand distinct UPNs and dates of a file. */
function memo<T>(fn: (text: string) => T, max = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      if (cache.size >= max) cache.clear();
      out = fn(text);
      if (typeof out === "string") out = ownCopy(out) as T;
      cache.set(ownCopy(text), out);
    }
    return out;
  };
}

/** A reader of the file's rows by position, or null when the header lacks a column it needs. */
export function attendanceFastRow(header: Header): (values: string[]) => AttendanceMarkRow | null {
  const at = (field: string) => header.fields.indexOf(field);
  const [upnAt, urnAt, nameAt, dateAt, sessionAt, codeAt] = ["upn", "school_urn", "school_name", "date", "session", "code"].map(at) as number[];
  const width = header.fields.length;
  const upnOk = memo((s) => validateUpn(s).ok);
  const dateOf = memo((s) => parseDateInput(s) ?? "");
  // The code as a string of the cache (null: not a code), so that rows hold no slice of the file.
  const codeOf = memo((s) => (isValidCode(s) ? s : ""));
  return (values) => {
    if (values.length !== width) return null;
    const upn = values[upnAt!]!.trim();
    if (upn === "" || !upnOk(upn)) return null;
    const schoolUrn = values[urnAt!]!.trim();
    if (!URN.test(schoolUrn)) return null;
    let schoolName: string | null = null;
    if (nameAt! >= 0) {
      const name = values[nameAt!]!.trim();
      if (name.length > SCHOOL_NAME_MAX) return null;
      if (name !== "") schoolName = name;
    }
    const dateText = values[dateAt!]!.trim();
    if (dateText === "") return null;
    const date = dateOf(dateText);
    if (date === "") return null;
    const s = values[sessionAt!]!.trim().toUpperCase();
    const session = s === "AM" ? "AM" : s === "PM" ? "PM" : null;
    if (session === null) return null;
    const codeText = values[codeAt!]!.trim();
    if (codeText === "") return null;
    const code = codeOf(codeText);
    if (code === "") return null;
    return { upn, schoolUrn, schoolName, date, session, code };
  };
}
