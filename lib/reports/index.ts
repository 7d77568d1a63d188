// Attendance figures computed by the database for one tenant: the report of docs/data-contract.md and the
// building blocks the dashboards share (per-child counts, cohort measures). Server-side only.
export { buildReport, type BuildReportArgs } from "./build-report";
export { cohortCountsSource, selectChildCounts, selectCohortMeasures, type ChildCohortCounts, type ChildFilter } from "./child-counts";
export { selectChildAttributes } from "./child-attributes";
export { allCountsByChild, characteristicMeasures, childEntries, cohortMeasures } from "./aggregate";
export { cohortDaysCte } from "./cohort-days-sql";
export { countColumnsSql, sqlInList, sqlLiteral } from "./code-sql";
export { assertWindow, type DateWindow } from "./window";
export { selectCharacteristicFigures, type CharacteristicFigures } from "./characteristic-figures";
