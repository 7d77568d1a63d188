import type { HalfTermDates, IsoDate } from "@/lib/attendance";
import { rawDb } from "@/lib/db/client";
import { withTenantRaw } from "@/lib/db/tenant";
import type { Filters } from "@/lib/filters/filters";
import { loadCohortDashboard, type CohortDashboard } from "./cohort-dashboard";

// The dashboard's figures change only when data arrives, and every member of a tenant asks for the
// same few views (this term, the year, per cohort), so the server keeps recent results in memory. An
// entry is used only while the tenant's data is as it was computed from: the key holds the tenant's
// latest successful import (every import, of any file, records one in the transaction that writes
// its data) and its targets' state, read at every request. A miss computes the figures from the
// database (loadCohortDashboard); requests that miss together share one computation.

type Entry = { value: Promise<CohortDashboard> };
const MAX_ENTRIES = 32;
const holder = globalThis as unknown as { __vsDashboardCache?: Map<string, Entry> };
const entries = (holder.__vsDashboardCache ??= new Map());

async function dataVersion(tenantId: number): Promise<string> {
  const { rows } = await withTenantRaw(rawDb(), tenantId, (tx) =>
    tx.query<{ run: number | null; targets: number; changed: string | null }>(
      `SELECT (SELECT max(id) FROM "ImportRun" WHERE "tenantId" = $1 AND status = 'SUCCEEDED') AS run,
              (SELECT count(*)::int FROM "Target" WHERE "tenantId" = $1) AS targets,
              (SELECT max("updatedAt")::text FROM "Target" WHERE "tenantId" = $1) AS changed`,
      [tenantId],
    ),
  );
  const r = rows[0]!;
  return `${r.run ?? 0}/${r.targets}/${r.changed ?? ""}`;
}

/** loadCohortDashboard, answered from memory while the tenant's data has not changed. */
export async function cachedCohortDashboard(
  tenantId: number,
  f: Filters,
  asOf: IsoDate,
  latestMark: IsoDate | null,
  halfTerms: readonly HalfTermDates[],
): Promise<CohortDashboard> {
  const key = JSON.stringify([tenantId, await dataVersion(tenantId), f, asOf, latestMark, halfTerms]);
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit.value;
  }
  const value = loadCohortDashboard(tenantId, f, asOf, latestMark, halfTerms);
  entries.set(key, { value });
  value.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
