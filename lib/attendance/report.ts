// The reference implementation of the report JSON of docs/data-contract.md. It is written for obvious
// correctness, not speed (day by day, child by child): the SQL aggregation that serves real tenants is
// property-tested against it, so when the two disagree, read this file first.
//
// Decisions the contract leaves open, taken here once:
// - `children` entries name status cohorts only (CIN, CP, CLA, PLAC, KIN), never ALL, under both
//   attributions: ALL is the total of the CIN/CP/CLA entries, not a cohort a day is attributed to.
// - entries are sorted by plain JS string comparison (`<`) of childId, then of cohort, so the cohort
//   order is CIN, CLA, CP, KIN, PLAC (not the contract order of the `cohorts` object).
// - a characteristics key appears for every value held by a child of ALL, even when none of those
//   children has a possible session (the group then shows children 0 and a null rate).
// - marks are assumed unique per child, school, date and session (the database key); marks of children
//   not in `children`, episodes of unknown children and marks outside the window are ignored.
import { ethnicityGroup, yearGroup, yesNo } from "./characteristics";
import {
  COHORTS,
  dayCohorts,
  everCohorts,
  isSocialWorkerStatus,
  type CohortKey,
  type Episode,
  type Status,
} from "./cohorts";
import { eachDay, isIsoDate, type IsoDate } from "./dates";
import {
  addCounts,
  childMeasures,
  countCodes,
  emptyCounts,
  groupMeasures,
  type Counts,
  type Measures,
} from "./measures";
import { CHARACTERISTIC_KEYS, orderGroupKeys, type CharacteristicKey } from "./report-keys";
import { academicYearOf } from "./windows";

export type Attribution = "ever" | "during";
export const ATTRIBUTIONS: readonly Attribution[] = ["ever", "during"];

export type ReportChild = {
  /** The authority's child_id. */
  childId: string;
  dateOfBirth: IsoDate;
  /** M, F or U. */
  sex: string;
  /** DfE ethnicity code; null or blank = unknown. */
  ethnicity: string | null;
  /** N, K or E. */
  sen: string;
  fsm: boolean;
  eal: boolean;
};

export type ReportEpisode = Episode & { childId: string };

export type ReportMark = {
  childId: string;
  date: IsoDate;
  session: "AM" | "PM";
  schoolUrn: string;
  code: string;
};

export type ReportInput = {
  tenant: string;
  from: IsoDate;
  to: IsoDate;
  attribution: Attribution;
  children: readonly ReportChild[];
  episodes: readonly ReportEpisode[];
  marks: readonly ReportMark[];
};

export type ChildCohortMeasures = { childId: string; cohort: Status } & Measures;

export type ReportJson = {
  tenant: string;
  from: IsoDate;
  to: IsoDate;
  attribution: Attribution;
  cohorts: Record<CohortKey, Measures>;
  characteristics: Record<CharacteristicKey, Record<string, Measures>>;
  children: ChildCohortMeasures[];
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

// The sessions each cohort holds for one child; a cohort is a key only when the child is in it.
function attributeChild(
  attribution: Attribution,
  episodes: readonly Episode[],
  marks: readonly ReportMark[],
  from: IsoDate,
  to: IsoDate,
): Map<CohortKey, Counts> {
  const result = new Map<CohortKey, Counts>();
  if (attribution === "ever") {
    const statuses = everCohorts(episodes, from, to);
    const counts = countCodes(marks.map((m) => m.code));
    for (const s of statuses) result.set(s, counts);
    if (statuses.some(isSocialWorkerStatus)) result.set("ALL", counts);
    return result;
  }
  const marksByDay = groupBy(marks, (m) => m.date);
  for (const day of eachDay(from, to)) {
    const statuses = dayCohorts(episodes, day);
    if (statuses.length === 0) continue;
    const dayCounts = countCodes((marksByDay.get(day) ?? []).map((m) => m.code));
    const keys: CohortKey[] = statuses.some(isSocialWorkerStatus) ? ["ALL", ...statuses] : statuses;
    for (const k of keys) result.set(k, addCounts(result.get(k) ?? emptyCounts(), dayCounts));
  }
  return result;
}

/** A child's group in each breakdown; year group in `academicYear` (the year in which the window ends). */
export function characteristicValues(child: ReportChild, academicYear: number): Record<CharacteristicKey, string> {
  return {
    sex: child.sex,
    ethnicity: ethnicityGroup(child.ethnicity),
    sen: child.sen,
    fsm: yesNo(child.fsm),
    eal: yesNo(child.eal),
    yearGroup: String(yearGroup(child.dateOfBirth, academicYear)),
  };
}

function compareEntries(a: ChildCohortMeasures, b: ChildCohortMeasures): number {
  if (a.childId !== b.childId) return a.childId < b.childId ? -1 : 1;
  return a.cohort < b.cohort ? -1 : a.cohort > b.cohort ? 1 : 0;
}

/** The report JSON of docs/data-contract.md for one tenant, window and attribution. */
export function computeReport(input: ReportInput): ReportJson {
  const { tenant, from, to, attribution } = input;
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError("Report dates must be YYYY-MM-DD");
  if (from > to) throw new RangeError("The start of a report window must not be after its end");

  const episodesByChild = groupBy(input.episodes, (e) => e.childId);
  const marksByChild = groupBy(
    input.marks.filter((m) => m.date >= from && m.date <= to),
    (m) => m.childId,
  );
  const academicYear = academicYearOf(to);

  const cohortCounts = new Map<CohortKey, Counts[]>(COHORTS.map((k) => [k, []]));
  const groups = new Map<CharacteristicKey, Map<string, Counts[]>>(CHARACTERISTIC_KEYS.map((k) => [k, new Map()]));
  const entries: ChildCohortMeasures[] = [];

  for (const child of input.children) {
    const perCohort = attributeChild(
      attribution,
      episodesByChild.get(child.childId) ?? [],
      marksByChild.get(child.childId) ?? [],
      from,
      to,
    );
    for (const [cohort, counts] of perCohort) {
      cohortCounts.get(cohort)?.push(counts);
      if (cohort !== "ALL") entries.push({ childId: child.childId, cohort, ...childMeasures(counts) });
    }
    const all = perCohort.get("ALL");
    if (!all) continue;
    const values = characteristicValues(child, academicYear);
    for (const key of CHARACTERISTIC_KEYS) {
      const byValue = groups.get(key);
      const list = byValue?.get(values[key]);
      if (list) list.push(all);
      else byValue?.set(values[key], [all]);
    }
  }

  const cohorts = Object.fromEntries(
    COHORTS.map((k) => [k, groupMeasures(cohortCounts.get(k) ?? [])]),
  ) as Record<CohortKey, Measures>;
  const characteristics = Object.fromEntries(
    CHARACTERISTIC_KEYS.map((key) => {
      const byValue = groups.get(key) ?? new Map<string, Counts[]>();
      const ordered = orderGroupKeys(key, [...byValue.keys()]);
      return [key, Object.fromEntries(ordered.map((v) => [v, groupMeasures(byValue.get(v) ?? [])]))];
    }),
  ) as Record<CharacteristicKey, Record<string, Measures>>;

  return { tenant, from, to, attribution, cohorts, characteristics, children: entries.sort(compareEntries) };
}
