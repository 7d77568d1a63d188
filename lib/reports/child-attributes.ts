// The attributes the characteristics breakdowns group children by, read for a set of children.
import type { ReportChild } from "@/lib/attendance";
import type { SqlRunner } from "@/lib/db/raw";

/** Child.id -> the attributes computeReport takes (childId = the authority's child_id). Run inside withTenantRaw. */
export async function selectChildAttributes(
  tx: SqlRunner,
  tenantId: number,
  childIds: readonly number[],
): Promise<Map<number, ReportChild>> {
  if (childIds.length === 0) return new Map();
  // Dates leave the database as text: a JS Date would carry the server's time zone into a calendar day.
  const { rows } = await tx.query<ReportChild & { id: number }>(
    `SELECT c.id, c."childRef" AS "childId", to_char(c."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth",
       c.sex::text AS sex, c.ethnicity, c.sen::text AS sen, c.fsm, c.eal
     FROM "Child" c
     WHERE c."tenantId" = $1 AND c.id = ANY($2::int[])`,
    [tenantId, [...childIds]],
  );
  return new Map(rows.map(({ id, ...child }) => [id, child]));
}
