import { toIso, type HalfTermDates, type IsoDate } from "@/lib/attendance";
import { rawDb } from "@/lib/db/client";
import { withTenant, withTenantRaw } from "@/lib/db/tenant";

/** The tenant's own half-term dates (the DfE census terms apply where it has none). */
export async function tenantHalfTerms(tenantId: number): Promise<HalfTermDates[]> {
  const rows = await withTenant(tenantId, (tx) =>
    tx.halfTerm.findMany({ where: { tenantId }, orderBy: [{ academicYear: "asc" }, { startDate: "asc" }] }),
  );
  return rows.map((h) => ({
    academicYear: h.academicYear,
    term: h.term,
    half: h.half === 2 ? 2 : 1,
    startDate: toIso(h.startDate),
    endDate: toIso(h.endDate),
  }));
}

/**
 * The day the figures are "as of": today, or the latest register mark if that is earlier (registers
 * arrive by nightly import, so the newest data is usually a day or more old).
 */
export async function dataAsOf(tenantId: number, today: IsoDate = toIso(new Date())): Promise<{ asOf: IsoDate; latestMark: IsoDate | null }> {
  // The day totals have a row for every day with a mark (ChildDayTotal, kept with the marks), and max()
  // over their index is one look-up; Prisma's aggregate (a subquery with OFFSET) would read every row.
  const { rows } = await withTenantRaw(rawDb(), tenantId, (tx) =>
    tx.query<{ latest: string | null }>(`SELECT to_char(max(date), 'YYYY-MM-DD') AS latest FROM "ChildDayTotal" WHERE "tenantId" = $1`, [tenantId]),
  );
  const latestMark = rows[0]?.latest ?? null;
  return { asOf: latestMark && latestMark < today ? latestMark : today, latestMark };
}
