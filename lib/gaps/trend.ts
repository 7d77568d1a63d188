// The gaps term by term through one academic year: the gap table of each term that has started,
// merged into one series per group. Pure: the reports are built by the caller (report.ts).
import { orderGroupKeys, termLabel, type IsoDate, type TermRange } from "@/lib/attendance";
import type { ReportJson } from "@/lib/attendance";
import { gapTable, RATE_KEYS, type GapSection, type GapTable, type RateKey } from "./gap-table";

export type TrendTerm = { label: string; term: TermRange["term"]; from: IsoDate; to: IsoDate; started: boolean };

/** One group's figure in one term; null when the term has not started or the group had nobody in it. */
export type TrendPoint = { suppressed: true } | { suppressed: false; gap: number | null; distinct: boolean; children: number };

export type TrendGroup = { key: string; label: string; points: Record<RateKey, (TrendPoint | null)[]> };
export type TrendSection = { key: GapSection["key"]; label: string; groups: TrendGroup[] };
export type GapTrend = { academicYear: number; terms: TrendTerm[]; sections: TrendSection[] };

/** `reports[i]` is the report of `terms[i]`, or null for a term that has not started. */
export function gapTrend(academicYear: number, terms: readonly TermRange[], reports: readonly (Parameters<typeof gapTable>[0] | null)[], threshold: number): GapTrend {
  const tables: (GapTable | null)[] = reports.map((r) => (r ? gapTable(r, threshold) : null));
  const first = tables.find((t) => t !== null);
  const sectionKeys = first?.sections.map((s) => ({ key: s.key, label: s.label })) ?? [];
  const sections = sectionKeys.map(({ key, label }) => {
    const labels = new Map<string, string>();
    for (const t of tables) for (const r of t?.sections.find((s) => s.key === key)?.rows ?? []) labels.set(r.key, r.label);
    const groups = orderGroupKeys(key, [...labels.keys()]).map((value) => {
      const points = Object.fromEntries(
        RATE_KEYS.map((rate) => [
          rate,
          tables.map((t): TrendPoint | null => {
            if (!t) return null;
            const row = t.sections.find((s) => s.key === key)?.rows.find((r) => r.key === value);
            if (!row) return null;
            if (!row.figures) return { suppressed: true };
            return { suppressed: false, gap: row.figures.gaps[rate], distinct: row.figures.distinct[rate], children: row.figures.children };
          }),
        ]),
      ) as Record<RateKey, (TrendPoint | null)[]>;
      return { key: value, label: labels.get(value)!, points };
    });
    return { key, label, groups };
  });
  return {
    academicYear,
    terms: terms.map((t, i) => ({ label: termLabel(t).replace(/ term /, " "), term: t.term, from: t.startDate, to: t.endDate, started: reports[i] !== null })),
    sections,
  };
}
