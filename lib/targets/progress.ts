// Progress against each target of an academic year: the term's measure from the engine (buildReport
// over the term's window, "ever in window" attribution as the DfE statistics) against the target.
import {
  meetsAttendanceTarget,
  termLabel,
  termsOfYear,
  type CohortKey,
  type HalfTermDates,
  type IsoDate,
  type Measures,
  type TermName,
  type TermRange,
  withinMaximumShare,
} from "@/lib/attendance";
import type { RawDb } from "@/lib/db/raw";
import { buildReport } from "@/lib/reports";
import type { TargetRow } from "./queries";

export type TermState = "not-started" | "in-progress" | "finished";

/**
 * not-started: the term has not begun; no-data: no possible session yet; on-track / off-track: during
 * the term; met / missed: once it has ended; no-school-figures: the engine reports whole cohorts only,
 * so a school's own target has no measure to compare with yet.
 */
export type ProgressState = "not-started" | "no-data" | "on-track" | "off-track" | "met" | "missed" | "no-school-figures";

export type TermProgress = {
  term: TermName;
  label: string;
  from: IsoDate;
  to: IsoDate;
  state: TermState;
  /** The engine's cohort measures for the term; null before it starts. */
  cohorts: Record<CohortKey, Measures> | null;
};

export type TargetProgress = {
  target: TargetRow;
  /** The measure compared (the cohort's, for whole-authority targets), or null. */
  measure: Measures | null;
  attendance: ProgressState;
  /** null when the target sets no maximum PA rate. */
  persistent: ProgressState | null;
};

function termState(t: TermRange, today: IsoDate): TermState {
  return t.startDate > today ? "not-started" : t.endDate < today ? "finished" : "in-progress";
}

function judge(ok: boolean | null, state: TermState): ProgressState {
  if (ok === null) return "no-data";
  if (state === "finished") return ok ? "met" : "missed";
  return ok ? "on-track" : "off-track";
}

/** The three terms of the year with the engine's cohort figures of each started term. */
export async function termProgress(args: {
  raw: RawDb;
  tenant: { id: number; slug: string };
  academicYear: number;
  halfTerms: readonly HalfTermDates[];
  today: IsoDate;
}): Promise<TermProgress[]> {
  const { raw, tenant, academicYear, halfTerms, today } = args;
  const out: TermProgress[] = [];
  for (const t of termsOfYear(academicYear, halfTerms)) {
    const state = termState(t, today);
    const report =
      state === "not-started"
        ? null
        : await buildReport({ raw, tenantId: tenant.id, tenantSlug: tenant.slug, from: t.startDate, to: t.endDate, attribution: "ever" });
    out.push({ term: t.term, label: termLabel(t), from: t.startDate, to: t.endDate, state, cohorts: report?.cohorts ?? null });
  }
  return out;
}

/** Each target against its term's measure. */
export function targetProgress(targets: readonly TargetRow[], terms: readonly TermProgress[]): TargetProgress[] {
  return targets.map((target) => {
    const term = terms.find((t) => t.term === target.term);
    if (!term || term.state === "not-started" || !term.cohorts) {
      return { target, measure: null, attendance: "not-started", persistent: target.maxPersistentRate === null ? null : "not-started" };
    }
    if (target.school) {
      return { target, measure: null, attendance: "no-school-figures", persistent: target.maxPersistentRate === null ? null : "no-school-figures" };
    }
    const measure = term.cohorts[target.cohort];
    return {
      target,
      measure,
      attendance: judge(meetsAttendanceTarget(measure, target.attendanceRate), term.state),
      persistent: target.maxPersistentRate === null ? null : judge(withinMaximumShare(measure.persistent, measure.children, target.maxPersistentRate), term.state),
    };
  });
}
