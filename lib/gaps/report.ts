// The characteristic-gap report of a tenant, server-side: the report's ALL and characteristics figures
// (lib/reports selectCharacteristicFigures, the same as buildReport's) for the window, and one per
// started term of the window's academic year for the trend.
import { cache } from "react";
import { academicYearOf, termsOfYear, type Attribution, type HalfTermDates, type IsoDate } from "@/lib/attendance";
import type { RawDb } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import { selectCharacteristicFigures } from "@/lib/reports";
import { gapTable, type GapTable } from "./gap-table";
import { gapTrend, type GapTrend } from "./trend";

export type GapTenant = { id: number; slug: string; suppressionThreshold: number };

// One report per window and attribution per request: the page's table and its trend often need the
// same term (the default window is this term), and render side by side.
const report = cache((raw: RawDb, tenantId: number, from: IsoDate, to: IsoDate, attribution: Attribution) =>
  withTenantRaw(raw, tenantId, (tx) => selectCharacteristicFigures(tx, tenantId, { from, to }, attribution)),
);

export async function gapReport(args: { raw: RawDb; tenant: GapTenant; from: IsoDate; to: IsoDate; attribution: Attribution }): Promise<GapTable> {
  const { raw, tenant, from, to, attribution } = args;
  return gapTable(await report(raw, tenant.id, from, to, attribution), tenant.suppressionThreshold);
}

/**
 * The gaps term by term in the academic year in which the window ends (the year its year groups are
 * taken in). Terms are the tenant's (termsOfYear); a term that has not started by `today` has no report.
 */
export async function gapTrendOfYear(args: {
  raw: RawDb;
  tenant: GapTenant;
  windowTo: IsoDate;
  today: IsoDate;
  halfTerms: readonly HalfTermDates[];
  attribution: Attribution;
}): Promise<GapTrend> {
  const { raw, tenant, windowTo, today, halfTerms, attribution } = args;
  const academicYear = academicYearOf(windowTo);
  const terms = termsOfYear(academicYear, halfTerms);
  // One after another: PGlite is one connection, and PostgreSQL's pool is small.
  const reports = [];
  for (const t of terms) {
    reports.push(
      t.startDate > today
        ? null
        : await report(raw, tenant.id, t.startDate, t.endDate, attribution),
    );
  }
  return gapTrend(academicYear, terms, reports, tenant.suppressionThreshold);
}
