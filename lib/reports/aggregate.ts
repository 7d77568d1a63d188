// Summaries of the per-child rows: cohort and characteristics measures and the per-child entries of
// the report. Pure functions over at most one row per child and cohort (~10k a tenant); the group
// measures and the PA / SA thresholds are lib/attendance's, so the integer comparisons live there.
import {
  addCounts,
  characteristicValues,
  CHARACTERISTIC_KEYS,
  childMeasures,
  COHORTS,
  emptyCounts,
  ethnicityGroup,
  groupMeasures,
  isSocialWorkerStatus,
  orderGroupKeys,
  yearGroup,
  yesNo,
  type CharacteristicKey,
  type ChildCohortMeasures,
  type CohortKey,
  type Counts,
  type Measures,
  type ReportChild,
} from "@/lib/attendance";
import type { ChildCohortCounts } from "./child-counts";

/**
 * The sessions of ALL per child: the sum of the child's CIN / CP / CLA rows. Under "ever" a child has one
 * such row; under "during" each day belongs to one of them, so the sum is the sessions of the days with
 * any of CIN / CP / CLA.
 */
export function allCountsByChild(rows: readonly ChildCohortCounts[]): Map<number, Counts> {
  const all = new Map<number, Counts>();
  for (const row of rows) {
    if (!isSocialWorkerStatus(row.cohort)) continue;
    all.set(row.childId, addCounts(all.get(row.childId) ?? emptyCounts(), row));
  }
  return all;
}

/** The measures of every cohort of the contract (ALL, CIN, CP, CLA, PLAC, KIN); empty ones as zeros. */
export function cohortMeasures(rows: readonly ChildCohortCounts[]): Record<CohortKey, Measures> {
  const byCohort = new Map<CohortKey, Counts[]>(COHORTS.map((k) => [k, []]));
  for (const row of rows) byCohort.get(row.cohort)?.push(row);
  byCohort.set("ALL", [...allCountsByChild(rows).values()]);
  return Object.fromEntries(COHORTS.map((k) => [k, groupMeasures(byCohort.get(k) ?? [])])) as Record<CohortKey, Measures>;
}

/**
 * ALL broken down by the children's attributes. A group appears when a child of ALL has that value, even
 * one without a possible session (children 0, rate null), as in the reference report.
 */
export function characteristicMeasures(
  allByChild: ReadonlyMap<number, Counts>,
  attributes: ReadonlyMap<number, ReportChild>,
  academicYear: number,
): Record<CharacteristicKey, Record<string, Measures>> {
  const groups = new Map<CharacteristicKey, Map<string, Counts[]>>(CHARACTERISTIC_KEYS.map((k) => [k, new Map()]));
  for (const [childId, counts] of allByChild) {
    const child = attributes.get(childId);
    if (!child) throw new Error(`No attributes read for child ${childId}`);
    const values = characteristicValues(child, academicYear);
    for (const key of CHARACTERISTIC_KEYS) {
      const byValue = groups.get(key)!;
      const list = byValue.get(values[key]);
      if (list) list.push(counts);
      else byValue.set(values[key], [counts]);
    }
  }
  return Object.fromEntries(
    CHARACTERISTIC_KEYS.map((key) => {
      const byValue = groups.get(key)!;
      return [key, Object.fromEntries(orderGroupKeys(key, [...byValue.keys()]).map((v) => [v, groupMeasures(byValue.get(v)!)]))];
    }),
  ) as Record<CharacteristicKey, Record<string, Measures>>;
}

/** The report's `children`: one entry per child and status cohort, by child_id then cohort (plain string order). */
export function childEntries(rows: readonly ChildCohortCounts[]): ChildCohortMeasures[] {
  return rows
    .map((row) => ({ childId: row.childRef, cohort: row.cohort, ...childMeasures(row) }))
    .sort((a, b) =>
      a.childId !== b.childId ? (a.childId < b.childId ? -1 : 1) : a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : 0,
    );
}
