import type { CohortDashboard, FlaggedChild } from "./cohort-dashboard";

/** How many children each list names: a large authority flags hundreds, which belong in the caseload. */
export const FLAGGED_SHOWN = 25;

/** The children a list names on the page: the first FLAGGED_SHOWN, by child id (the lists' order). */
export function flaggedShown(list: readonly FlaggedChild[]): FlaggedChild[] {
  return list.slice(0, FLAGGED_SHOWN);
}

/** How many children the dashboard's lists name, each child once (a child can be in both lists). */
export function childrenNamed(d: Pick<CohortDashboard, "newlyPersistent" | "falling">): number {
  return new Set([...flaggedShown(d.newlyPersistent), ...flaggedShown(d.falling)].map((c) => c.childId)).size;
}
