import { z } from "zod";
import { optionalText, requiredChoice, requiredCode, requiredDate, requiredPattern, requiredUpn } from "./csv-fields";

// A register mark as attendance.csv (docs/data-contract.md) gives it.

export const SESSIONS = ["AM", "PM"] as const;

const fields = {
  upn: requiredUpn("upn"),
  school_urn: requiredPattern("school_urn", /^\d{6}$/, "6 digits"),
  school_name: optionalText("school_name", 200),
  date: requiredDate("date"),
  session: requiredChoice("session", SESSIONS),
  code: requiredCode("code"),
};

export const attendanceMarkRowSchema = z.object(fields).transform((r) => ({
  upn: r.upn,
  schoolUrn: r.school_urn,
  schoolName: r.school_name,
  date: r.date,
  session: r.session,
  code: r.code,
}));

export type AttendanceMarkRowInput = z.input<typeof attendanceMarkRowSchema>;
export type AttendanceMarkRow = z.output<typeof attendanceMarkRowSchema>;

/** The key of a mark: upn + school_urn + date + session. */
export const attendanceMarkKeySchema = z
  .object({ upn: fields.upn, school_urn: fields.school_urn, date: fields.date, session: fields.session })
  .transform((r) => ({ upn: r.upn, schoolUrn: r.school_urn, date: r.date, session: r.session }));
export type AttendanceMarkKey = z.output<typeof attendanceMarkKeySchema>;

/** attendance.csv; the key is upn + school_urn + date + session. */
export const ATTENDANCE_MARK_COLUMNS = {
  required: ["upn", "school_urn", "date", "session", "code"],
  optional: ["school_name"],
} as const;
