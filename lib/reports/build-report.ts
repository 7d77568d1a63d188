// The report JSON of docs/data-contract.md, computed by the database: the session counts come from one
// GROUP BY over the window's marks (child-counts.ts); only the per-child rows reach JavaScript.
// lib/attendance's computeReport is the reference this is property-tested against
// (tests/integration/report-property.test.ts).
import { academicYearOf, type Attribution, type ReportJson } from "@/lib/attendance";
import type { RawDb } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";
import { allCountsByChild, characteristicMeasures, childEntries, cohortMeasures } from "./aggregate";
import { selectChildAttributes } from "./child-attributes";
import { selectChildCounts } from "./child-counts";
import { assertWindow } from "./window";

export type BuildReportArgs = {
  raw: RawDb;
  tenantId: number;
  /** Written into the report as `tenant`. */
  tenantSlug: string;
  from: string;
  to: string;
  attribution: Attribution;
};

export async function buildReport({ raw, tenantId, tenantSlug, from, to, attribution }: BuildReportArgs): Promise<ReportJson> {
  const window = { from, to };
  assertWindow(window);
  // One transaction: the counts and the attributes are read from the same snapshot.
  const { rows, all, attributes } = await withTenantRaw(raw, tenantId, async (tx) => {
    const rows = await selectChildCounts(tx, tenantId, window, attribution);
    const all = allCountsByChild(rows);
    return { rows, all, attributes: await selectChildAttributes(tx, tenantId, [...all.keys()]) };
  });
  return {
    tenant: tenantSlug,
    from,
    to,
    attribution,
    cohorts: cohortMeasures(rows),
    characteristics: characteristicMeasures(all, attributes, academicYearOf(to)),
    children: childEntries(rows),
  };
}
