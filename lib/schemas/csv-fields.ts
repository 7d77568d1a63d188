import { z } from "zod";
import { isValidCode, parseDateInput, toIso, validateUpn, type IsoDate, type UpnResult } from "@/lib/attendance";

// Field rules shared by the row schemas of children, status episodes and attendance marks. Their input
// is text, as a CSV cell or a form field gives it: surrounding spaces are ignored and an empty value is
// a blank. Every message reads on its own (the import reports it next to the column's name), is plain
// English, and never repeats a child's name.
//
// Each field is one transform (zod's cheapest composition: an attendance file has millions of rows),
// and the domain checks are memoised: a file repeats the same few thousand UPNs and dates.

/** What a check makes of a trimmed, non-blank text. */
type Checked<T> = { value: T } | { reason: string };

function memo<T>(fn: (text: string) => T, max = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let out = cache.get(text);
    if (out === undefined && !cache.has(text)) {
      if (cache.size >= max) cache.clear();
      out = fn(text);
      cache.set(text, out);
    }
    return out as T;
  };
}

const upnResult: (s: string) => UpnResult = memo(validateUpn);
const dateOf: (s: string) => IsoDate | null = memo(parseDateInput);

/**
 * A field: a blank is `blank.value`, or a problem (`blank.required` is its message); otherwise the
 * trimmed text goes through `check`.
 */
function field<T, B = never>(column: string, blank: { value: B } | { required: string }, check: (text: string) => Checked<T>) {
  return z.string({ error: `${column} must be text` }).optional().transform((raw, ctx): T | B => {
    const text = raw === undefined ? "" : raw.trim();
    if (text === "") {
      if ("value" in blank) return blank.value;
      ctx.addIssue({ code: "custom", message: blank.required, input: raw });
      return z.NEVER;
    }
    const out = check(text);
    if ("reason" in out) {
      ctx.addIssue({ code: "custom", message: out.reason, input: text });
      return z.NEVER;
    }
    return out.value;
  });
}

const blankIsNull = { value: null };
const required = (column: string) => ({ required: `${column} is required` });

function maxLength(column: string, max: number) {
  return (text: string): Checked<string> =>
    text.length > max ? { reason: `${column} is longer than ${max} characters` } : { value: text };
}

export function requiredText(column: string, max: number) {
  return field(column, required(column), maxLength(column, max));
}

/** Text that may be blank (then null). */
export function optionalText(column: string, max: number) {
  return field(column, blankIsNull, maxLength(column, max));
}

const DATE_SHAPE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})$/;

/** A date written YYYY-MM-DD or DD/MM/YYYY, as an ISO day; or the reason it is not one. */
export function checkDate(text: string): Checked<IsoDate> {
  const iso = dateOf(text);
  if (iso !== null) return { value: iso };
  return {
    reason: DATE_SHAPE.test(text) ? `${text} is not a real date` : `"${text}" is not a date: use YYYY-MM-DD or DD/MM/YYYY`,
  };
}

export function requiredDate(column: string) {
  return field(column, required(column), checkDate);
}

/** A date that cannot be after today, such as a date of birth. */
export function requiredPastDate(column: string) {
  return field(column, required(column), (text): Checked<IsoDate> => {
    const out = checkDate(text);
    return "value" in out && out.value > toIso(new Date()) ? { reason: `${column} ${text} is in the future` } : out;
  });
}

export function optionalDate(column: string) {
  return field(column, blankIsNull, checkDate);
}

function listOf(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

function choice<T extends string>(column: string, values: readonly T[], orBlank: boolean) {
  const allowed = listOf(orBlank ? [...values, "blank"] : values);
  return (text: string): Checked<T> => {
    const upper = text.toUpperCase();
    return (values as readonly string[]).includes(upper)
      ? { value: upper as T }
      : { reason: `${column} must be ${allowed}, not "${text}"` };
  };
}

/** One of a few capital-letter values; lower case is accepted and upper-cased. */
export function requiredChoice<const T extends string>(column: string, values: readonly T[]) {
  return field(column, required(column), choice(column, values, false));
}

/** Like requiredChoice, but a blank is `blank`. */
export function optionalChoice<const T extends string>(column: string, values: readonly T[], blank: T) {
  return field(column, { value: blank }, choice(column, values, true));
}

/** Y / N (blank = N) as a boolean. */
export function yesNo(column: string) {
  const check = choice(column, ["Y", "N"] as const, true);
  return field(column, { value: false }, (text) => {
    const out = check(text);
    return "reason" in out ? out : { value: out.value === "Y" };
  });
}

export function checkUpn(text: string): Checked<string> {
  const result = upnResult(text);
  return result.ok ? { value: text } : { reason: result.reason };
}

/** A unique pupil number whose check letter is right (DOMAIN.md). */
export function requiredUpn(column: string) {
  return field(column, required(column), checkUpn);
}

export function optionalUpn(column: string) {
  return field(column, blankIsNull, checkUpn);
}

/** A register code, exactly as published (lib/attendance/codes.ts): "i" is not "I". */
export function requiredCode(column: string) {
  return field(column, { required: `${column} is required (use - for no mark)` }, (text): Checked<string> =>
    isValidCode(text) ? { value: text } : { reason: `unknown register code "${text}"` },
  );
}

/** Text of an exact shape, e.g. a six-digit URN. */
export function requiredPattern(column: string, pattern: RegExp, what: string) {
  return field(column, required(column), (text): Checked<string> =>
    pattern.test(text) ? { value: text } : { reason: `${column} must be ${what}, not "${text}"` },
  );
}

/** The column and reason of each problem of a row, in the order of the schema's fields. */
export function rowIssues(error: z.ZodError): { column: string; reason: string }[] {
  return error.issues.map((i) => ({ column: String(i.path[0] ?? ""), reason: i.message }));
}
