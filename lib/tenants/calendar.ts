import { toIso, type HalfTermDates, type IsoDate, type TermName } from "@/lib/attendance";
import { rawDb } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/raw";
import { withTenantRaw } from "@/lib/db/tenant";

/** The tenant's own half-term dates (the DfE census terms apply where it has none). Inside withTenantRaw. */
export async function selectHalfTerms(tx: SqlRunner, tenantId: number): Promise<HalfTermDates[]> {
  const { rows } = await tx.query<{ academicYear: number; term: TermName; half: number; startDate: IsoDate; endDate: IsoDate }>(
    `SELECT "academicYear", term::text AS term, half, to_char("startDate", 'YYYY-MM-DD') AS "startDate", to_char("endDate", 'YYYY-MM-DD') AS "endDate"
       FROM "HalfTerm" WHERE "tenantId" = $1 ORDER BY "academicYear", "startDate"`,
    [tenantId],
  );
  return rows.map(halfTermOf);
}

/** A HalfTerm row as read (dates as YYYY-MM-DD text) as HalfTermDates. */
export function halfTermOf(h: { academicYear: number; term: TermName; half: number; startDate: IsoDate; endDate: IsoDate }): HalfTermDates {
  return { ...h, half: h.half === 2 ? 2 : 1 };
}

/** The as-of day: today, or the latest register mark if that is earlier. */
export function asOfDay(latestMark: IsoDate | null, today: IsoDate): IsoDate {
  return latestMark && latestMark < today ? latestMark : today;
}

/** selectHalfTerms in its own tenant-scoped transaction. */
export function tenantHalfTerms(tenantId: number): Promise<HalfTermDates[]> {
  return withTenantRaw(rawDb(), tenantId, (tx) => selectHalfTerms(tx, tenantId));
}

/**
 * The day the figures are "as of": today, or the latest register mark if that is earlier (registers
 * arrive by nightly import, so the newest data is usually a day or more old). Inside withTenantRaw.
 */
export async function selectAsOf(tx: SqlRunner, tenantId: number, today: IsoDate = toIso(new Date())): Promise<{ asOf: IsoDate; latestMark: IsoDate | null }> {
  // The register has a row for every day with a mark (AttendanceDay), and max() over its slice index
  // (tenant, day, ...) is one look-up; Prisma's aggregate (a subquery with OFFSET) would read every row.
  const { rows } = await tx.query<{ latest: string | null }>(
    `SELECT to_char(max(date), 'YYYY-MM-DD') AS latest FROM "AttendanceDay" WHERE "tenantId" = $1`,
    [tenantId],
  );
  const latestMark = rows[0]?.latest ?? null;
  return { asOf: asOfDay(latestMark, today), latestMark };
}

/** selectAsOf in its own tenant-scoped transaction. */
export function dataAsOf(tenantId: number, today: IsoDate = toIso(new Date())): Promise<{ asOf: IsoDate; latestMark: IsoDate | null }> {
  return withTenantRaw(rawDb(), tenantId, (tx) => selectAsOf(tx, tenantId, today));
}
