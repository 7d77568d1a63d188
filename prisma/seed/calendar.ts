import { addDays, eachDay, isWeekend, type IsoDate } from "@/lib/attendance";
import type { HalfTermDates } from "@/lib/attendance";

// Demoshire's school calendar: its own half-term dates for 2025/26 and 2026/27, bank holidays and
// planned closures. The demo data runs from the start of 2025/26 to Friday 20 November 2026, the
// authority's latest nightly import.

export const DATA_START: IsoDate = "2025-09-01";
export const DATA_END: IsoDate = "2026-11-20";

type Half = [academicYear: number, term: HalfTermDates["term"], half: 1 | 2, start: IsoDate, end: IsoDate];
const HALVES: Half[] = [
  [2025, "AUTUMN", 1, "2025-09-01", "2025-10-24"],
  [2025, "AUTUMN", 2, "2025-11-03", "2025-12-19"],
  [2025, "SPRING", 1, "2026-01-05", "2026-02-13"],
  [2025, "SPRING", 2, "2026-02-23", "2026-03-27"],
  [2025, "SUMMER", 1, "2026-04-13", "2026-05-22"],
  [2025, "SUMMER", 2, "2026-06-01", "2026-07-22"],
  [2026, "AUTUMN", 1, "2026-09-01", "2026-10-23"],
  [2026, "AUTUMN", 2, "2026-11-02", "2026-12-18"],
  [2026, "SPRING", 1, "2027-01-04", "2027-02-12"],
  [2026, "SPRING", 2, "2027-02-22", "2027-03-26"],
  [2026, "SUMMER", 1, "2027-04-12", "2027-05-28"],
  [2026, "SUMMER", 2, "2027-06-07", "2027-07-21"],
];

export const DEMO_HALF_TERMS: HalfTermDates[] = HALVES.map(([academicYear, term, half, startDate, endDate]) => ({
  academicYear,
  term,
  half,
  startDate,
  endDate,
}));

const BANK_HOLIDAYS = new Set(["2026-05-04"]);

/** Training (INSET) days: the school is closed to pupils and registers carry '#'. */
export const INSET_DAYS = new Set(["2025-09-01", "2025-09-02", "2026-01-05", "2026-09-01"]);

/** Every day on which registers are taken (or marked '#'), in order, up to DATA_END. */
export function schoolDays(): IsoDate[] {
  const days: IsoDate[] = [];
  for (const h of DEMO_HALF_TERMS) {
    if (h.startDate > DATA_END) break;
    const end = h.endDate < DATA_END ? h.endDate : DATA_END;
    for (const d of eachDay(h.startDate, end)) if (!isWeekend(d) && !BANK_HOLIDAYS.has(d)) days.push(d);
  }
  return days;
}

export function academicYearStart(year: number): IsoDate {
  return `${year}-09-01`;
}

export { addDays };
