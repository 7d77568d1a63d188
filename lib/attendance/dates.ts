// Calendar dates of the domain. A register date, a status start date or a window bound is a day, not
// an instant: it is carried as an ISO string `YYYY-MM-DD` and every calculation happens in UTC, so the
// server's time zone and British Summer Time can never shift a day.

/** A calendar day as `YYYY-MM-DD`. Plain strings compare chronologically with `<`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_PATTERN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

// Builds the UTC midnight of y-m-d and checks that the Date did not roll over (31 Feb -> 3 Mar).
function utcDay(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0..99 to 1900..1999; setUTCFullYear puts them back.
  date.setUTCFullYear(year);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date;
}

/** True when `s` is a real calendar day written `YYYY-MM-DD` (2026-02-29 is not). */
export function isIsoDate(s: string): s is IsoDate {
  const m = ISO_PATTERN.exec(s);
  return m !== null && utcDay(Number(m[1]), Number(m[2]), Number(m[3])) !== null;
}

/** The UTC midnight of an ISO day; throws a RangeError for anything that is not a real `YYYY-MM-DD` day. */
export function parseIsoDate(s: IsoDate): Date {
  const m = ISO_PATTERN.exec(s);
  const date = m ? utcDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!date) throw new RangeError(`Not a valid date (YYYY-MM-DD): "${s}"`);
  return date;
}

/** The UTC calendar day of a Date. */
export function toIso(date: Date): IsoDate {
  if (Number.isNaN(date.getTime())) throw new RangeError("Invalid Date");
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/**
 * A date typed by a person or found in a CSV: `YYYY-MM-DD` or British `DD/MM/YYYY` (`D/M/YYYY` too).
 * Surrounding spaces are ignored. Returns null for anything else, including days that do not exist.
 */
export function parseDateInput(s: string): IsoDate | null {
  const text = s.trim();
  const iso = ISO_PATTERN.exec(text);
  if (iso) return isIsoDate(text) ? text : null;
  const uk = UK_PATTERN.exec(text);
  if (!uk) return null;
  const date = utcDay(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  return date ? toIso(date) : null;
}

/** The day `n` days after `d` (before it when `n` is negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return toIso(new Date(parseIsoDate(d).getTime() + n * MS_PER_DAY));
}

/** -1, 0 or 1 as `a` is before, the same as or after `b`; usable as an Array.sort comparator. */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Signed number of days from `a` to `b`: daysBetween("2026-01-01", "2026-01-02") = 1. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((parseIsoDate(b).getTime() - parseIsoDate(a).getTime()) / MS_PER_DAY);
}

/** Every day from `from` to `to`, both included; empty when `from` is after `to`. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  const end = parseIsoDate(to).getTime();
  for (let t = parseIsoDate(from).getTime(); t <= end; t += MS_PER_DAY) days.push(toIso(new Date(t)));
  return days;
}

/** Day of the week, 0 = Sunday .. 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  return parseIsoDate(d).getUTCDay();
}

/** Saturday or Sunday. */
export function isWeekend(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

/** The earlier / later of two days. */
export function minIso(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
export function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** Year, month (1-12) and day of an ISO day (validated). */
export function isoParts(d: IsoDate): { year: number; month: number; day: number } {
  const date = parseIsoDate(d);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** British short form for labels: "1 Sep 2025". */
export function formatDay(d: IsoDate): string {
  const { year, month, day } = isoParts(d);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
