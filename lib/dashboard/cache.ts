import { toIso, type HalfTermDates, type IsoDate, type TermName } from "@/lib/attendance";
import { rawDb } from "@/lib/db/client";
import { withTenantRaw } from "@/lib/db/tenant";
import { asOfDay, halfTermOf } from "@/lib/tenants/calendar";
import type { Filters } from "@/lib/filters/filters";
import { loadCohortDashboard, type CohortDashboard } from "./cohort-dashboard";

// The dashboard's figures change only when data arrives, and every member of a tenant asks for the
// same few views (this term, the year, per cohort), so the server keeps recent results in memory. An
// entry is used only while the tenant's data is as it was computed from: the key holds the tenant's
// latest successful import (every import, of any file, records one in the transaction that writes
// its data) and its targets' state, read at every request. A miss computes the figures from the
// database (loadCohortDashboard); requests that miss together share one computation.

type Entry = { value: Promise<DashboardPageData> };
const MAX_ENTRIES = 32;
const holder = globalThis as unknown as { __vsDashboardCache?: Map<string, Entry> };
const entries = (holder.__vsDashboardCache ??= new Map());

export type DashboardPageData = { dashboard: CohortDashboard; schools: { urn: string; name: string | null }[] };

type InputsRow = {
  latest: string | null;
  halfTerms: { academicYear: number; term: TermName; half: number; startDate: IsoDate; endDate: IsoDate }[];
  version: string;
};

/**
 * What a dashboard request reads at every request, in one tenant-scoped round trip: the latest
 * register mark (selectAsOf), the half-term dates (selectHalfTerms) and the data version that keys
 * the cache.
 */
async function pageInputs(tenantId: number): Promise<InputsRow> {
  const { rows } = await withTenantRaw(rawDb(), tenantId, (tx) =>
    tx.query<InputsRow>(
      `SELECT (SELECT to_char(max(date), 'YYYY-MM-DD') FROM "AttendanceDay" WHERE "tenantId" = $1) AS latest,
              (SELECT coalesce(json_agg(json_build_object('academicYear', "academicYear", 'term', term::text, 'half', half,
                        'startDate', to_char("startDate", 'YYYY-MM-DD'), 'endDate', to_char("endDate", 'YYYY-MM-DD')) ORDER BY "academicYear", "startDate"), '[]'::json)
                 FROM "HalfTerm" WHERE "tenantId" = $1) AS "halfTerms",
              concat_ws('/', coalesce((SELECT max(id) FROM "ImportRun" WHERE "tenantId" = $1 AND status = 'SUCCEEDED'), 0),
                        (SELECT count(*) FROM "Target" WHERE "tenantId" = $1),
                        coalesce((SELECT max("updatedAt")::text FROM "Target" WHERE "tenantId" = $1), '')) AS version`,
      [tenantId],
    ),
  );
  return rows[0]!;
}

/** The schools of the filter bar. Imports alone write schools, and every import changes the data version. */
async function selectSchools(tenantId: number): Promise<DashboardPageData["schools"]> {
  const { rows } = await withTenantRaw(rawDb(), tenantId, (tx) =>
    tx.query<{ urn: string; name: string | null }>(`SELECT urn, name FROM "School" WHERE "tenantId" = $1 ORDER BY name`, [tenantId]),
  );
  return rows;
}

/** The dashboard of these filters and the filter bar's schools, from memory while the tenant's data has not changed. */
export async function dashboardPageData(tenantId: number, f: Filters, today: IsoDate = toIso(new Date())): Promise<DashboardPageData> {
  const inputs = await pageInputs(tenantId);
  const latestMark = inputs.latest;
  const asOf = asOfDay(latestMark, today);
  const halfTerms: HalfTermDates[] = inputs.halfTerms.map(halfTermOf);
  return cachedPageData(tenantId, inputs.version, f, asOf, latestMark, halfTerms);
}

/** loadCohortDashboard and the schools, answered from memory while the tenant's data (version) has not changed. */
function cachedPageData(
  tenantId: number,
  version: string,
  f: Filters,
  asOf: IsoDate,
  latestMark: IsoDate | null,
  halfTerms: readonly HalfTermDates[],
): Promise<DashboardPageData> {
  const key = JSON.stringify([tenantId, version, f, asOf, latestMark, halfTerms]);
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit.value;
  }
  const value = Promise.all([loadCohortDashboard(tenantId, f, asOf, latestMark, halfTerms), selectSchools(tenantId)]).then(([dashboard, schools]) => ({ dashboard, schools }));
  entries.set(key, { value });
  value.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
