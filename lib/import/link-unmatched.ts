import type { SqlRunner } from "@/lib/db/raw";
import { createMarkStage, mergeStagedMarks, STAGED_MARKS } from "@/lib/reports/day-totals";

// Attendance rows whose UPN matched no child were kept aside in UnmatchedMark. Once a child holds that
// UPN (a new child, or a child whose UPN changed), they become the child's attendance marks. A mark
// already recorded for the same child, school, day and session is kept.

/**
 * Moves every unmatched mark of the tenant whose UPN now belongs to a child (mergeMarks keeps their
 * running totals exact); returns how many marks were moved.
 */
export async function linkUnmatchedMarks(tx: SqlRunner, tenantId: number): Promise<number> {
  // The attendance import created the schools already; this covers schools deleted since.
  await tx.query(
    `INSERT INTO "School" ("tenantId", urn, name)
     SELECT DISTINCT ON (u."schoolUrn") $1::int, u."schoolUrn", u."schoolName"
     FROM "UnmatchedMark" u JOIN "Child" c ON c."tenantId" = u."tenantId" AND c.upn = u.upn
     WHERE u."tenantId" = $1
     ORDER BY u."schoolUrn", u."createdAt" DESC
     ON CONFLICT ("tenantId", urn) DO NOTHING`,
    [tenantId],
  );
  await createMarkStage(tx);
  const { rows } = await tx.query<{ n: number }>(
    `WITH moved AS (
       DELETE FROM "UnmatchedMark" u USING "Child" c
       WHERE u."tenantId" = $1 AND c."tenantId" = $1 AND c.upn = u.upn
       RETURNING c.id AS child_id, u."schoolUrn", u.date, u.session, u.code
     ), staged AS (
       INSERT INTO ${STAGED_MARKS} ("childId", "schoolId", date, session, code)
       SELECT m.child_id, sc.id, m.date, m.session, m.code
       FROM moved m JOIN "School" sc ON sc."tenantId" = $1 AND sc.urn = m."schoolUrn"
     )
     SELECT count(*)::int AS n FROM moved`,
    [tenantId],
  );
  await mergeStagedMarks(tx, tenantId, { keepExisting: true });
  return rows[0]!.n;
}
