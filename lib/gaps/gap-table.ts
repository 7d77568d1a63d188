// The characteristic-gap report's figures, from the engine's report JSON: each group's attendance, PA
// and SA rates, its gap to the whole cohort (ALL) in percentage points, whether the gap is a distinct
// difference, and suppression. Pure: no I/O. The only arithmetic beyond the engine's figures is the
// gap subtraction and the share of children who are PA / SA (persistent / children).
import {
  CHARACTERISTIC_KEYS,
  CHARACTERISTIC_LABELS,
  gapPoints,
  isDistinctExact,
  type CharacteristicKey,
  type Counts,
  type Measures,
  type ReportJson,
} from "@/lib/attendance";
import { groupLabel } from "./labels";

export type RateKey = "attendance" | "pa" | "sa";
export const RATE_KEYS: readonly RateKey[] = ["attendance", "pa", "sa"];
export const RATE_LABELS: Record<RateKey, string> = { attendance: "Attendance", pa: "Persistent absence", sa: "Severe absence" };

/** A group's figures, present only when the group is big enough to be shown. Rates unrounded. */
export type GroupFigures = {
  children: number;
  rates: Record<RateKey, number | null>;
  /** Group rate minus the whole cohort's, in percentage points; null for ALL itself or without data. */
  gaps: Record<RateKey, number | null>;
  distinct: Record<RateKey, boolean>;
};

export type GapRow = {
  key: string;
  label: string;
  /** Fewer children than the threshold (zero included): every figure of the row is shown as "c". */
  suppressed: boolean;
  /** null exactly when suppressed, so no figure of a small group can reach a page or a file. */
  figures: GroupFigures | null;
};

export type GapSection = { key: CharacteristicKey; label: string; rows: GapRow[] };
export type GapTable = { threshold: number; all: GapRow; sections: GapSection[] };

/** The share of children with at least one possible session who are PA (or SA); null with none. */
function shareOf(count: number, children: number): number | null {
  return children > 0 ? count / children : null;
}

function ratesOf(m: Measures): Record<RateKey, number | null> {
  return { attendance: m.attendanceRate, pa: shareOf(m.persistent, m.children), sa: shareOf(m.severe, m.children) };
}

// The fractions behind each rate as counts, so that a distinct difference is decided exactly.
function fractionOf(m: Measures, rate: RateKey): Counts {
  const [attended, possible] =
    rate === "attendance" ? [m.attended, m.possible] : rate === "pa" ? [m.persistent, m.children] : [m.severe, m.children];
  return { attended, possible, authorised: 0, unauthorised: 0, noMark: 0 };
}

function figuresOf(m: Measures, all: Measures | null, threshold: number): GroupFigures {
  const rates = ratesOf(m);
  const allRates = all ? ratesOf(all) : null;
  const gaps = {} as Record<RateKey, number | null>;
  const distinct = {} as Record<RateKey, boolean>;
  for (const r of RATE_KEYS) {
    gaps[r] = allRates ? gapPoints(rates[r], allRates[r]) : null;
    distinct[r] =
      all !== null &&
      isDistinctExact({
        group: fractionOf(m, r),
        cohort: fractionOf(all, r),
        groupChildren: m.children,
        cohortChildren: all.children,
        threshold,
      });
  }
  return { children: m.children, rates, gaps, distinct };
}

function row(key: string, label: string, m: Measures, all: Measures | null, threshold: number): GapRow {
  const suppressed = m.children < threshold;
  return { key, label, suppressed, figures: suppressed ? null : figuresOf(m, all, threshold) };
}

/** The gap table of a report; groups in the report's order (lib/attendance orderGroupKeys). */
export function gapTable(report: { cohorts: { ALL: Measures }; characteristics: ReportJson["characteristics"] }, threshold: number): GapTable {
  const allMeasures = report.cohorts.ALL;
  const all = row("ALL", "All children with a social worker", allMeasures, null, threshold);
  const sections = CHARACTERISTIC_KEYS.map((key) => ({
    key,
    label: CHARACTERISTIC_LABELS[key],
    rows: Object.entries(report.characteristics[key] ?? {}).map(([value, m]) => row(value, groupLabel(key, value), m, allMeasures, threshold)),
  }));
  return { threshold, all, sections };
}

/** Every distinct difference of the table, for a summary a senior leader can read first. */
export function distinctDifferences(table: GapTable): { section: GapSection; row: GapRow; rate: RateKey; gap: number }[] {
  return table.sections.flatMap((section) =>
    section.rows.flatMap((row) =>
      RATE_KEYS.flatMap((rate) => {
        const f = row.figures;
        const gap = f?.gaps[rate];
        return f && f.distinct[rate] && gap !== null && gap !== undefined ? [{ section, row, rate, gap }] : [];
      }),
    ),
  );
}
