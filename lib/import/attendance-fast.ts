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

/** A bounded cache of a pure check on the few thousand distinct UPNs and dates of a file. */
function memo<T>(fn: (text: string) => T, max = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined) {
      if (cache.size >= max) cache.clear();
      out = fn(text);
      cache.set(text, out);
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
  const codeOk = memo((s) => isValidCode(s));
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
    if (s !== "AM" && s !== "PM") return null;
    const code = values[codeAt!]!.trim();
    if (code === "" || !codeOk(code)) return null;
    return { upn, schoolUrn, schoolName, date, session: s, code };
  };
}
