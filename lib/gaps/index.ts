// The characteristic-gap report (app/(app)/[tenant]/gaps): figures from the engine, gaps, distinct
// differences, suppression, the term-by-term trend and the shared export.
export { distinctDifferences, gapTable, RATE_KEYS, RATE_LABELS, type GapRow, type GapSection, type GapTable, type GroupFigures, type RateKey } from "./gap-table";
export { gapTrend, type GapTrend, type TrendGroup, type TrendPoint, type TrendSection, type TrendTerm } from "./trend";
export { gapReport, gapTrendOfYear, type GapTenant } from "./report";
export { gapExportTable } from "./export-table";
export { formatPercent, formatPoints, percentValue, pointsValue } from "@/lib/attendance/rounding";
export { groupLabel } from "./labels";
export { gapWindow, searchParamsRecord, type GapWindow } from "./window";
