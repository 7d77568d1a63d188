// Academic years, terms and the date windows a report can be run over. Terms follow the DfE census
// (autumn from 1 August, spring to Easter Sunday, summer to 31 July) unless the tenant has set its own
// half-term dates; a term the tenant has not set (for that academic year) falls back to the default
// halves, so a stale or partial tenant calendar still gives a current window.
import { addDays, formatDay, isIsoDate, isoParts, type IsoDate } from "./dates";

export type TermName = "AUTUMN" | "SPRING" | "SUMMER";
export const TERM_NAMES: readonly TermName[] = ["AUTUMN", "SPRING", "SUMMER"];

/** A half-term of an academic year (2025 = 2025/26), dates inclusive. */
export type HalfTermDates = {
  academicYear: number;
  term: TermName;
  half: 1 | 2;
  startDate: IsoDate;
  endDate: IsoDate;
};

/** A whole term, dates inclusive. */
export type TermRange = { academicYear: number; term: TermName; startDate: IsoDate; endDate: IsoDate };

export type WindowKind = "half-term" | "term" | "year-to-date" | "last-4-weeks" | "custom";
export const WINDOW_KINDS: readonly WindowKind[] = ["half-term", "term", "year-to-date", "last-4-weeks", "custom"];

export type ReportWindow = { from: IsoDate; to: IsoDate; label: string };

const TERM_LABELS: Record<TermName, string> = { AUTUMN: "Autumn", SPRING: "Spring", SUMMER: "Summer" };

/** Academic year (1 September to 31 August) of a day, named by its first calendar year: 2025 = 2025/26. */
export function academicYearOf(day: IsoDate): number {
  const { year, month } = isoParts(day);
  return month >= 9 ? year : year - 1;
}

/** Statistics year of the DfE (1 August to 31 July), named like the academic year. */
export function statisticsYearOf(day: IsoDate): number {
  const { year, month } = isoParts(day);
  return month >= 8 ? year : year - 1;
}

/** "2025/26". */
export function academicYearLabel(academicYear: number): string {
  return `${academicYear}/${String((academicYear + 1) % 100).padStart(2, "0")}`;
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const n = h + l - 7 * m + 114;
  return iso(year, Math.floor(n / 31), (n % 31) + 1);
}

/**
 * The DfE census terms of an academic year: autumn 1 Aug–31 Dec, spring 1 Jan–Easter Sunday, summer
 * Easter Monday–31 Jul.
 */
export function censusTerms(academicYear: number): TermRange[] {
  const next = academicYear + 1;
  const easter = easterSunday(next);
  return [
    { academicYear, term: "AUTUMN", startDate: iso(academicYear, 8, 1), endDate: iso(academicYear, 12, 31) },
    { academicYear, term: "SPRING", startDate: iso(next, 1, 1), endDate: easter },
    { academicYear, term: "SUMMER", startDate: addDays(easter, 1), endDate: iso(next, 7, 31) },
  ];
}

/**
 * Default half-terms: each census term cut in two near the usual half-term holidays, with no gaps:
 * autumn at 31 Oct / 1 Nov, spring at the end of February / 1 Mar, summer at 31 May / 1 Jun. Easter
 * falls 22 Mar–25 Apr, so no half is ever empty.
 */
export function defaultHalfTerms(academicYear: number): HalfTermDates[] {
  const next = academicYear + 1;
  const easter = easterSunday(next);
  const half = (term: TermName, h: 1 | 2, startDate: IsoDate, endDate: IsoDate): HalfTermDates => ({
    academicYear,
    term,
    half: h,
    startDate,
    endDate,
  });
  return [
    half("AUTUMN", 1, iso(academicYear, 8, 1), iso(academicYear, 10, 31)),
    half("AUTUMN", 2, iso(academicYear, 11, 1), iso(academicYear, 12, 31)),
    half("SPRING", 1, iso(next, 1, 1), addDays(iso(next, 3, 1), -1)),
    half("SPRING", 2, iso(next, 3, 1), easter),
    half("SUMMER", 1, addDays(easter, 1), iso(next, 5, 31)),
    half("SUMMER", 2, iso(next, 6, 1), iso(next, 7, 31)),
  ];
}

/** The half-terms of a year: the tenant's for each term it has set, the defaults for the others. */
export function halfTermsOfYear(academicYear: number, halfTerms: readonly HalfTermDates[]): HalfTermDates[] {
  const defaults = defaultHalfTerms(academicYear);
  return TERM_NAMES.flatMap((term) => {
    const own = halfTerms.filter((h) => h.academicYear === academicYear && h.term === term);
    const chosen = own.length > 0 ? own : defaults.filter((h) => h.term === term);
    return [...chosen].sort((a, b) => a.half - b.half);
  });
}

// Whole terms from half-terms: first start to last end of each term present.
function termsFromHalves(academicYear: number, halves: readonly HalfTermDates[]): TermRange[] {
  return TERM_NAMES.flatMap((term) => {
    const own = halves.filter((h) => h.academicYear === academicYear && h.term === term);
    if (own.length === 0) return [];
    const starts = own.map((h) => h.startDate).sort();
    const ends = own.map((h) => h.endDate).sort();
    return [{ academicYear, term, startDate: starts[0] ?? "", endDate: ends[ends.length - 1] ?? "" }];
  });
}

/** The three terms of a year: from the tenant's half-terms where set (first start to last end), else census. */
export function termsOfYear(academicYear: number, halfTerms: readonly HalfTermDates[]): TermRange[] {
  return termsFromHalves(academicYear, halfTermsOfYear(academicYear, halfTerms));
}

// The period containing `day`, else (in a holiday between periods) the one that started most recently.
// Overlapping periods resolve to the latest start, so the result does not depend on input order.
function pick<T extends { startDate: IsoDate; endDate: IsoDate }>(periods: readonly T[], day: IsoDate): T | undefined {
  const started = periods.filter((p) => p.startDate <= day);
  const containing = started.filter((p) => day <= p.endDate);
  const pool = containing.length > 0 ? containing : started;
  let best: T | undefined;
  for (const p of pool) if (best === undefined || p.startDate > best.startDate) best = p;
  return best;
}

// Candidates for "this half-term / term": the academic year of `day` (September to August, as year to
// date) and the one before, filled with defaults, plus the tenant's own periods of the next year (a
// tenant autumn may start in late August). Defaults of the next year are left out on purpose: in the
// summer holiday the census autumn (from 1 August) has no data yet, and the term just finished is what
// a virtual school head wants to see, consistent with year to date still meaning the ending year.
function candidateYears(day: IsoDate): { filled: number[]; tenantOnly: number } {
  const ay = academicYearOf(day);
  return { filled: [ay - 1, ay], tenantOnly: ay + 1 };
}

/** The half-term containing `day`, or the most recently started one when `day` is in a holiday. */
export function halfTermOf(day: IsoDate, halfTerms: readonly HalfTermDates[]): HalfTermDates {
  const { filled, tenantOnly } = candidateYears(day);
  const candidates = [
    ...filled.flatMap((y) => halfTermsOfYear(y, halfTerms)),
    ...halfTerms.filter((h) => h.academicYear === tenantOnly),
  ];
  const found = pick(candidates, day);
  // Unreachable: the previous year's halves have always started.
  if (!found) throw new Error(`No half-term found for ${day}`);
  return found;
}

/** The term containing `day`, or the most recently started one when `day` is in a holiday. */
export function termOf(day: IsoDate, halfTerms: readonly HalfTermDates[]): TermRange {
  const { filled, tenantOnly } = candidateYears(day);
  const candidates = [
    ...filled.flatMap((y) => termsOfYear(y, halfTerms)),
    ...termsFromHalves(tenantOnly, halfTerms),
  ];
  const found = pick(candidates, day);
  if (!found) throw new Error(`No term found for ${day}`);
  return found;
}

export function halfTermLabel(h: HalfTermDates): string {
  return `${TERM_LABELS[h.term]} ${h.half} ${academicYearLabel(h.academicYear)}`;
}

export function termLabel(t: Pick<TermRange, "term" | "academicYear">): string {
  return `${TERM_LABELS[t.term]} term ${academicYearLabel(t.academicYear)}`;
}

/**
 * The window of a report. Half-term and term windows are the whole period containing `today` (the
 * most recent one in a holiday), not clipped to today: marks after today do not exist yet anyway.
 * Year to date runs from 1 September of the academic year; last 4 weeks is the 28 days ending today.
 */
export function resolveWindow(
  kind: WindowKind,
  today: IsoDate,
  halfTerms: readonly HalfTermDates[],
  custom?: { from: IsoDate; to: IsoDate },
): ReportWindow {
  if (!isIsoDate(today)) throw new RangeError(`Not a valid date: "${today}"`);
  switch (kind) {
    case "half-term": {
      const h = halfTermOf(today, halfTerms);
      return { from: h.startDate, to: h.endDate, label: halfTermLabel(h) };
    }
    case "term": {
      const t = termOf(today, halfTerms);
      return { from: t.startDate, to: t.endDate, label: termLabel(t) };
    }
    case "year-to-date": {
      const ay = academicYearOf(today);
      return { from: iso(ay, 9, 1), to: today, label: `Year to date ${academicYearLabel(ay)}` };
    }
    case "last-4-weeks":
      return { from: addDays(today, -27), to: today, label: "Last 4 weeks" };
    case "custom": {
      if (!custom || !isIsoDate(custom.from) || !isIsoDate(custom.to)) {
        throw new RangeError("A custom window needs valid from and to dates");
      }
      if (custom.from > custom.to) throw new RangeError("The start of a window must not be after its end");
      return { from: custom.from, to: custom.to, label: `${formatDay(custom.from)} to ${formatDay(custom.to)}` };
    }
    default:
      throw new RangeError(`Unknown window kind: ${String(kind satisfies never)}`);
  }
}
