// Social care statuses and the cohort a child falls in. Children with a social worker are counted once,
// in the highest of CLA > CP > CIN (as the DfE statistics do); PLAC and KIN are separate cohorts that
// may overlap with anything.
import type { IsoDate } from "./dates";

export type Status = "CIN" | "CP" | "CLA" | "PLAC" | "KIN";
export type SocialWorkerStatus = "CIN" | "CP" | "CLA";
export type CohortKey = "ALL" | Status;

/** Cohort keys in the order of the report contract. */
export const COHORTS: readonly CohortKey[] = ["ALL", "CIN", "CP", "CLA", "PLAC", "KIN"];
export const STATUSES: readonly Status[] = ["CIN", "CP", "CLA", "PLAC", "KIN"];
/** Lowest to highest: a later status wins. */
export const SOCIAL_WORKER_STATUSES: readonly SocialWorkerStatus[] = ["CIN", "CP", "CLA"];
/** The cohorts outside the "children with a social worker" total. */
export const OTHER_STATUSES: readonly Status[] = ["PLAC", "KIN"];

export const COHORT_LABELS: Readonly<Record<CohortKey, string>> = {
  ALL: "All children with a social worker",
  CIN: "Child in need",
  CP: "Child protection plan",
  CLA: "Looked after",
  PLAC: "Previously looked after",
  KIN: "Kinship care",
};

export function isStatus(s: string): s is Status {
  return (STATUSES as readonly string[]).includes(s);
}

export function isCohortKey(s: string): s is CohortKey {
  return (COHORTS as readonly string[]).includes(s);
}

/** A status held from startDate to endDate, both inclusive; endDate null = still open. */
export type Episode = { status: Status; startDate: IsoDate; endDate: IsoDate | null };

/** The episode covers `day` (end date inclusive). */
export function holdsOn(ep: Episode, day: IsoDate): boolean {
  return ep.startDate <= day && (ep.endDate === null || day <= ep.endDate);
}

/** The episode covers at least one day of from..to (inclusive). */
export function heldInWindow(ep: Episode, from: IsoDate, to: IsoDate): boolean {
  return from <= to && ep.startDate <= to && (ep.endDate === null || ep.endDate >= from);
}

/** The highest of CLA > CP > CIN among `statuses`, or null when none of them is there. */
export function highestSocialWorkerStatus(statuses: Iterable<Status>): SocialWorkerStatus | null {
  const held = new Set(statuses);
  for (let i = SOCIAL_WORKER_STATUSES.length - 1; i >= 0; i--) {
    const s = SOCIAL_WORKER_STATUSES[i];
    if (s !== undefined && held.has(s)) return s;
  }
  return null;
}

// The one highest social worker status plus PLAC / KIN, in contract order.
function cohortsFromHeld(held: Set<Status>): Status[] {
  const sw = highestSocialWorkerStatus(held);
  const result: Status[] = sw ? [sw] : [];
  for (const s of OTHER_STATUSES) if (held.has(s)) result.push(s);
  return result;
}

/**
 * "Ever in window" attribution: the highest of CIN/CP/CLA held on any day of the window, plus PLAC and
 * KIN where held in the window. Empty when the child held nothing in the window.
 */
export function everCohorts(episodes: Iterable<Episode>, from: IsoDate, to: IsoDate): Status[] {
  const held = new Set<Status>();
  for (const ep of episodes) if (heldInWindow(ep, from, to)) held.add(ep.status);
  return cohortsFromHeld(held);
}

/** "During status" attribution of one day: the highest of CIN/CP/CLA held that day, plus PLAC / KIN. */
export function dayCohorts(episodes: Iterable<Episode>, day: IsoDate): Status[] {
  const held = new Set<Status>();
  for (const ep of episodes) if (holdsOn(ep, day)) held.add(ep.status);
  return cohortsFromHeld(held);
}

export function isSocialWorkerStatus(s: Status): s is SocialWorkerStatus {
  return s === "CIN" || s === "CP" || s === "CLA";
}
